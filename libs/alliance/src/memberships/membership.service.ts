import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, assertRole, AuditService, DomainError, hasRole, Role } from '../../../core/src/index.js';
import { type MembershipEntity, type UserEntity, UsersService } from '../../../identity/src/index.js';
import { AllianceRepository } from '../alliances/alliance.repository.js';
import { OrganisationRepository } from '../alliances/organisation.repository.js';
import { PartnerRepository } from '../alliances/partner.repository.js';
import { PartnerStatus } from '../alliances/alliance.enums.js';
import { CreateUserInput, SetMembershipInput } from '../alliances/alliance.inputs.js';

@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alliances: AllianceRepository,
    private readonly organisations: OrganisationRepository,
    private readonly partners: PartnerRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The platform administrator creates users of any organisation; an ALLIANCE_ADMIN those of
   * organisations that are partners of an alliance they administer.
   */
  createUser(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    if (!actor.platformAdmin && ![...actor.roles.values()].some((r) => r.includes(Role.ALLIANCE_ADMIN))) {
      throw DomainError.forbidden('Only administrators may create users');
    }
    return this.dataSource.transaction(async (em) => {
      const org = await this.organisations.find(em, input.organisationId);
      if (!org) throw DomainError.field('input.organisationId', 'no such organisation');
      let allianceId: string | null = null;
      if (!actor.platformAdmin) {
        const partners = await this.partners.ofOrganisation(em, input.organisationId);
        const administered = partners.find(
          (p) => p.status !== PartnerStatus.FORMER && hasRole(actor, p.allianceId, Role.ALLIANCE_ADMIN),
        );
        if (!administered)
          throw DomainError.forbidden('Only users of partner organisations of your alliance');
        allianceId = administered.allianceId;
      }
      const user = await this.users.create(em, input);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'createUser',
        entityType: 'User',
        entityId: user.id,
        allianceId,
        changedFields: ['email', 'displayName', 'organisationId', 'password'],
      });
      return user;
    });
  }

  /** Grants, changes or (with no roles) removes a membership; the user's organisation must be a partner. */
  setMembership(actor: Actor, input: SetMembershipInput): Promise<MembershipEntity | null> {
    assertRole(actor, input.allianceId, [Role.ALLIANCE_ADMIN]);
    return this.dataSource.transaction(async (em) => {
      // The platform administrator passes assertRole for any id: the alliance must exist.
      if (!(await this.alliances.exists(em, input.allianceId))) throw DomainError.notFound('Alliance');
      // The user belongs to identity, the partnership to this context: each asked where it lives.
      const user = await this.users.find(em, input.userId);
      const partner = user
        ? await this.partners.findOfOrganisation(em, input.allianceId, user.organisationId)
        : null;
      if (!partner)
        throw DomainError.field('input.userId', "the user's organisation is not a partner of this alliance");
      if (partner.status === PartnerStatus.FORMER && input.roles.length) {
        throw DomainError.field('input.userId', "the user's organisation is a former partner");
      }
      const roles = [...new Set(input.roles)];
      const existing = await this.users.lockMembership(em, input.allianceId, input.userId);
      if (!roles.length) {
        if (existing) {
          await this.users.deleteMembership(em, existing.id);
          await this.audit.append(em, {
            actorId: actor.userId,
            action: 'setMembership',
            entityType: 'Membership',
            entityId: existing.id,
            allianceId: input.allianceId,
            changedFields: ['roles'],
          });
        }
        return null;
      }
      // An upsert: two admins granting a first membership at once both succeed (the later roles win).
      const saved = await this.users.upsertMembership(em, input.allianceId, input.userId, roles);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'setMembership',
        entityType: 'Membership',
        entityId: saved.id,
        allianceId: input.allianceId,
        changedFields: ['roles'],
      });
      return saved;
    });
  }
}
