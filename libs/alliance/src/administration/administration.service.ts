import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  hasRole,
  isUuid,
  presentFields,
  Role,
} from '../../../core/src/index.js';
import { SecondFactorService, type UserEntity, UsersService } from '../../../identity/src/index.js';
import type { OrganisationEntity } from '../alliances/alliance.entities.js';
import { OrganisationRepository } from '../alliances/organisation.repository.js';
import { PartnerRepository } from '../alliances/partner.repository.js';
import { InvitationService } from '../invitations/invitation.service.js';
import type { UpdateOrganisationInput } from './administration.inputs.js';
import type { AlliancePermissionsModel } from './administration.models.js';

/** Administration beside the alliance's own operations: organisations, second-factor resets, permissions. */
@Injectable()
export class AdministrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly partners: PartnerRepository,
    private readonly invitations: InvitationService,
    private readonly secondFactor: SecondFactorService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * What the caller may do in the alliance: the same checks (`hasRole … ALLIANCE_ADMIN`) as the
   * operations, so a screen never offers what the API would refuse.
   */
  permissions(actor: Actor | undefined, allianceId: string): AlliancePermissionsModel {
    const admin = !!actor && hasRole(actor, allianceId, Role.ALLIANCE_ADMIN);
    return { updateSettings: admin, setPublicRecord: admin, managePartners: admin, manageMembers: admin };
  }

  /**
   * The platform administrator edits any organisation; an ALLIANCE_ADMIN those that are (or were)
   * partners of an alliance they administer. Others: NOT_FOUND for a mutation, like any object
   * outside the caller's reach.
   */
  updateOrganisation(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    if (!isUuid(id)) throw DomainError.notFound('Organisation');
    return this.dataSource.transaction(async (em) => {
      const org = await this.organisations.lock(em, id);
      if (!org) throw DomainError.notFound('Organisation');
      let allianceId: string | null = null;
      if (!actor.platformAdmin) {
        const administered = (await this.partners.ofOrganisation(em, id)).find((p) =>
          hasRole(actor, p.allianceId, Role.ALLIANCE_ADMIN),
        );
        if (!administered) throw DomainError.notFound('Organisation');
        allianceId = administered.allianceId;
      }
      if (input.name !== undefined) {
        const name = input.name.trim();
        if (await this.organisations.nameTakenByOther(em, name, id))
          throw DomainError.field('input.name', 'an organisation of this name exists already');
        org.name = name;
      }
      if (input.shortName !== undefined) org.shortName = input.shortName?.trim() || null;
      if (input.kind !== undefined) org.kind = input.kind;
      if (input.legalDomains !== undefined) org.legalDomains = [...new Set(input.legalDomains)];
      let saved: OrganisationEntity;
      try {
        saved = await this.organisations.save(em, org);
      } catch (e: any) {
        if (e?.driverError?.code === '23505')
          throw DomainError.field('input.name', 'an organisation of this name exists already');
        throw e;
      }
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateOrganisation',
        entityType: 'Organisation',
        entityId: id,
        allianceId,
        changedFields: presentFields(input),
      });
      return saved;
    });
  }

  /**
   * Resets another user's second factor (lost phone): their sessions end at once, and they set it
   * up again at the next sign-in where a role requires it. Platform administrator; ALLIANCE_ADMIN
   * of an alliance that the user's organisation is a partner of. One's own: resetOwnSecondFactor.
   */
  resetSecondFactor(actor: Actor, userId: string): Promise<UserEntity> {
    if (!isUuid(userId)) throw DomainError.notFound('User');
    return this.dataSource.transaction(async (em) => {
      const allianceId = await this.invitations.administeredUser(em, actor, userId);
      if (userId === actor.userId)
        throw DomainError.field('userId', 'reset your own second factor on your account page, with a code');
      if (!(await this.secondFactor.resetFor(em, actor, userId, allianceId)))
        throw DomainError.conflict('This user has no second factor to reset');
      return (await this.users.find(em, userId))!;
    });
  }
}
