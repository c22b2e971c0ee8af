import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, assertRole, AuditService, DomainError, hasRole, Role } from '../../../core/src/index.js';
import { MembershipEntity, UserEntity, UsersService } from '../../../identity/src/index.js';
import { OrganisationEntity, PartnerEntity } from '../alliances/alliance.entities.js';
import { PartnerStatus } from '../alliances/alliance.enums.js';
import { CreateUserInput, SetMembershipInput } from '../alliances/alliance.inputs.js';

@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
      const org = await em.findOne(OrganisationEntity, { where: { id: input.organisationId } });
      if (!org) throw DomainError.field('input.organisationId', 'no such organisation');
      let allianceId: string | null = null;
      if (!actor.platformAdmin) {
        const partners = await em.find(PartnerEntity, { where: { organisationId: input.organisationId } });
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
      const alliance = await em.query('SELECT 1 FROM alliances WHERE id = $1', [input.allianceId]);
      if (!alliance.length) throw DomainError.notFound('Alliance');
      const rows = await em.query(
        `SELECT u.id, p.status FROM users u
           LEFT JOIN partners p ON p.organisation_id = u.organisation_id AND p.alliance_id = $2
          WHERE u.id = $1`,
        [input.userId, input.allianceId],
      );
      if (!rows.length || !rows[0].status)
        throw DomainError.field('input.userId', "the user's organisation is not a partner of this alliance");
      if (rows[0].status === PartnerStatus.FORMER && input.roles.length) {
        throw DomainError.field('input.userId', "the user's organisation is a former partner");
      }
      const roles = [...new Set(input.roles)];
      const existing = await em.findOne(MembershipEntity, {
        where: { allianceId: input.allianceId, userId: input.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!roles.length) {
        if (existing) {
          await em.delete(MembershipEntity, { id: existing.id });
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
      const [row] = await em.query(
        `INSERT INTO memberships (alliance_id, user_id, roles) VALUES ($1, $2, $3)
         ON CONFLICT (alliance_id, user_id) DO UPDATE SET roles = EXCLUDED.roles
         RETURNING id, alliance_id, user_id, roles, created_at`,
        [input.allianceId, input.userId, roles],
      );
      const saved = em.create(MembershipEntity, {
        id: row.id,
        allianceId: row.alliance_id,
        userId: row.user_id,
        roles: row.roles,
        createdAt: row.created_at,
      });
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
