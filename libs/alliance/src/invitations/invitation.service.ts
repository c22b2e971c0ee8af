import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  assertRole,
  AuditService,
  DomainError,
  hasRole,
  isUuid,
  APP_CONFIG,
  type AppConfig,
  MAIL_OUTBOX,
  type MailOutbox,
  Role,
} from '../../../core/src/index.js';
import {
  AccountService,
  assertPasswordSignIn,
  assertStrongPassword,
  AuthService,
  hashPassword,
  type IssuedSession,
  type Language,
  newLinkToken,
  SecondFactorService,
  sha256,
  type UserEntity,
  UsersService,
} from '../../../identity/src/index.js';
import { PartnerStatus } from '../alliances/alliance.enums.js';
import { type InvitationRecord, InvitationRepository, type InvitationRow } from './invitation.repository.js';
import type { InviteUserInput } from './invitation.inputs.js';
import { type InvitationModel, InvitationStatus } from './invitation.models.js';

const INVALID_LINK =
  'The invitation link is invalid, was used already, was withdrawn or has expired; ask for a new one';

export function toModel(r: InvitationRow): InvitationModel {
  const status = r.acceptedAt
    ? InvitationStatus.ACCEPTED
    : r.revokedAt
      ? InvitationStatus.REVOKED
      : new Date(r.expiresAt) <= new Date()
        ? InvitationStatus.EXPIRED
        : InvitationStatus.PENDING;
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    roles: r.roles as Role[],
    status,
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
    sentCount: r.sentCount,
    userId: r.userId,
    allianceId: r.allianceId,
    organisationId: r.organisationId,
    invitedById: r.invitedBy,
  };
}

/**
 * Invitations: the account is created without a password, with its membership, and a single-use
 * link (7 days, stored as a hash) is mailed through the outbox in the same transaction.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_OUTBOX) private readonly mail: MailOutbox,
    private readonly repo: InvitationRepository,
    private readonly users: UsersService,
    private readonly accounts: AccountService,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  invite(actor: Actor, input: InviteUserInput): Promise<InvitationModel> {
    assertRole(actor, input.allianceId, [Role.ALLIANCE_ADMIN]);
    return this.dataSource.transaction(async (em) => {
      if (!(await this.repo.allianceExists(em, input.allianceId))) throw DomainError.notFound('Alliance');
      const status = await this.repo.partnerStatus(em, input.allianceId, input.organisationId);
      if (!status || status === PartnerStatus.FORMER)
        throw DomainError.field('input.organisationId', 'must be a partner organisation of this alliance');
      if (await this.users.emailTaken(em, input.email))
        throw DomainError.field('input.email', 'already has an account; give it a membership instead');
      const user = await this.users.create(em, {
        email: input.email,
        displayName: input.displayName,
        organisationId: input.organisationId,
        password: null,
        language: input.language ?? 'de',
      });
      const roles = [...new Set(input.roles)];
      await this.users.upsertMembership(em, input.allianceId, user.id, roles);
      const { token, hash } = newLinkToken();
      const id = await this.repo.insert(em, {
        userId: user.id,
        allianceId: input.allianceId,
        roles,
        invitedBy: actor.userId,
        tokenHash: hash,
      });
      const invitation = (await this.byId(em, id))!;
      await this.sendMail(em, actor, invitation, token);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'inviteUser',
        entityType: 'Invitation',
        entityId: id,
        allianceId: input.allianceId,
        changedFields: ['email', 'displayName', 'organisationId', 'roles'],
      });
      return toModel(invitation);
    });
  }

  /** Invitations with their users' addresses and names, which identity holds. */
  private async withUsers(em: EntityManager, records: InvitationRecord[]): Promise<InvitationRow[]> {
    const users = new Map(
      (
        await this.users.findMany(
          em,
          records.map((r) => r.userId),
        )
      ).map((u) => [u.id, u]),
    );
    return records.flatMap((r) => {
      const u = users.get(r.userId);
      return u
        ? [
            {
              ...r,
              email: u.email,
              displayName: u.displayName,
              organisationId: u.organisationId,
              language: u.language,
            },
          ]
        : [];
    });
  }

  private async byId(em: EntityManager, id: string, lock = false): Promise<InvitationRow | null> {
    const record = await this.repo.byId(em, id, lock);
    return record && ((await this.withUsers(em, [record]))[0] ?? null);
  }

  private async sendMail(em: EntityManager, actor: Actor, inv: InvitationRow, token: string) {
    const names = await this.repo.names(em, inv.allianceId, inv.organisationId);
    const inviter = await this.users.find(em, actor.userId);
    await this.mail.enqueue(em, {
      to: inv.email,
      language: inv.language,
      template: 'invitation',
      params: {
        displayName: inv.displayName,
        allianceName: names.alliance,
        organisationName: names.organisation,
        invitedBy: inviter?.displayName ?? '',
        link: this.accounts.link('/einladung', token),
      },
    });
  }

  async pending(actor: Actor, allianceId: string): Promise<InvitationModel[]> {
    if (!isUuid(allianceId)) throw DomainError.notFound('Alliance');
    assertRole(actor, allianceId, [Role.ALLIANCE_ADMIN]);
    const em = this.dataSource.manager;
    return (await this.withUsers(em, await this.repo.pending(em, allianceId))).map(toModel);
  }

  /** A new link (the old one stops working), valid 7 days again. */
  resend(actor: Actor, id: string): Promise<InvitationModel> {
    return this.dataSource.transaction(async (em) => {
      const inv = await this.administered(em, actor, id);
      if (inv.acceptedAt || inv.revokedAt)
        throw DomainError.conflict('The invitation was accepted or withdrawn already');
      const { token, hash } = newLinkToken();
      await this.repo.renew(em, id, hash);
      await this.sendMail(em, actor, inv, token);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'resendInvitation',
        entityType: 'Invitation',
        entityId: id,
        allianceId: inv.allianceId,
        changedFields: ['tokenHash', 'expiresAt'],
      });
      return toModel((await this.byId(em, id))!);
    });
  }

  revoke(actor: Actor, id: string): Promise<InvitationModel> {
    return this.dataSource.transaction(async (em) => {
      const inv = await this.administered(em, actor, id);
      if (inv.acceptedAt || inv.revokedAt)
        throw DomainError.conflict('The invitation was accepted or withdrawn already');
      await this.repo.markRevoked(em, id);
      await this.users.deleteMembershipOf(em, inv.allianceId, inv.userId);
      await this.users.deactivateIfNeverSignedIn(em, inv.userId);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'revokeInvitation',
        entityType: 'Invitation',
        entityId: id,
        allianceId: inv.allianceId,
        changedFields: ['revokedAt'],
      });
      return toModel((await this.byId(em, id))!);
    });
  }

  /** Sets the invited person's password and signs them in. */
  async accept(token: string, password: string, language: Language, device?: string): Promise<IssuedSession> {
    // With passwords switched off, the invited person signs in through the identity provider instead.
    assertPasswordSignIn(this.config);
    const check = async (em: EntityManager) => {
      const record = await this.repo.byTokenHash(em, sha256(token));
      const inv = record && (await this.withUsers(em, [record]))[0];
      if (!inv || inv.acceptedAt || inv.revokedAt || new Date(inv.expiresAt) <= new Date())
        throw DomainError.field('token', INVALID_LINK);
      return inv;
    };
    const inv = await this.dataSource.transaction(check);
    assertStrongPassword('password', password, language, [inv.email, inv.displayName]);
    const hash = await hashPassword(password);
    const userId = await this.dataSource.transaction(async (em) => {
      const locked = await check(em);
      await this.users.setPassword(em, locked.userId, hash);
      await this.repo.markAccepted(em, locked.id);
      await this.audit.append(em, {
        actorId: locked.userId,
        action: 'acceptInvitation',
        entityType: 'Invitation',
        entityId: locked.id,
        allianceId: locked.allianceId,
        changedFields: ['password', 'acceptedAt'],
      });
      return locked.userId;
    });
    const user = (await this.users.findById(userId))!;
    // A role that requires a second factor: this first sign-in may only set it up.
    return this.auth.login(user, device, this.secondFactor.requiredFor(await this.auth.actorOf(userId)));
  }

  /** The invitation, if the actor administers its alliance; NOT_FOUND otherwise. */
  private async administered(em: EntityManager, actor: Actor, id: string): Promise<InvitationRow> {
    if (!isUuid(id)) throw DomainError.notFound('Invitation');
    const inv = await this.byId(em, id, true);
    if (!inv || !hasRole(actor, inv.allianceId, Role.ALLIANCE_ADMIN))
      throw DomainError.notFound('Invitation');
    return inv;
  }

  /**
   * The alliance through which the actor administers the user (null for the platform
   * administrator), in the caller's transaction; NOT_FOUND when the actor does not administer them.
   */
  async administeredUser(em: EntityManager, actor: Actor, userId: string): Promise<string | null> {
    if (!isUuid(userId)) throw DomainError.notFound('User');
    const target = await this.users.find(em, userId);
    const allianceIds = target ? await this.repo.alliancesOfOrganisation(em, target.organisationId) : [];
    const allianceId = actor.platformAdmin
      ? null
      : (allianceIds.find((a) => hasRole(actor, a, Role.ALLIANCE_ADMIN)) ?? undefined);
    if (!target || allianceId === undefined || (target.platformAdmin && !actor.platformAdmin))
      throw DomainError.notFound('User');
    return allianceId;
  }

  /** Deactivates or reactivates a user whom the actor administers (see DESIGN: invitations, deactivation). */
  setActive(actor: Actor, userId: string, active: boolean): Promise<UserEntity> {
    if (!isUuid(userId)) throw DomainError.notFound('User');
    return this.dataSource.transaction(async (em) => {
      const allianceId = await this.administeredUser(em, actor, userId);
      if (userId === actor.userId) throw DomainError.field('id', 'you cannot deactivate your own account');
      await this.accounts.setActive(em, actor, userId, active, allianceId);
      return (await this.users.find(em, userId))!;
    });
  }
}
