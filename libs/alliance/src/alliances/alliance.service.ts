import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  assertRole,
  AuditService,
  byKey,
  DomainError,
  groupBy,
  isMember,
  isUuid,
  LoaderRegistry,
  memberAllianceIds,
  presentFields,
  Role,
  todayInBerlin,
  FieldRule,
} from '../../../core/src/index.js';
import type { AllianceEntity, OrganisationEntity, PartnerEntity } from './alliance.entities.js';
import { AllianceRepository } from './alliance.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PartnerRepository } from './partner.repository.js';
import { PartnerStatus } from './alliance.enums.js';
import {
  AddPartnerInput,
  CreateAllianceInput,
  CreateOrganisationInput,
  UpdateAllianceInput,
  UpdatePartnerInput,
} from './alliance.inputs.js';

@Injectable()
export class AllianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alliances: AllianceRepository,
    private readonly organisations: OrganisationRepository,
    private readonly partners: PartnerRepository,
    private readonly audit: AuditService,
  ) {}

  // ── alliances ──────────────────────────────────────────────

  /** The alliances the caller belongs to (all of them for the platform administrator). */
  list(actor: Actor): Promise<AllianceEntity[]> {
    if (actor.platformAdmin) return this.alliances.all();
    return this.alliances.byIds(memberAllianceIds(actor));
  }

  /** null when it does not exist or the caller is not a member: the two are indistinguishable. */
  async get(actor: Actor, id: string): Promise<AllianceEntity | null> {
    if (!isUuid(id) || !isMember(actor, id)) return null;
    return this.alliances.findById(id);
  }

  create(actor: Actor, input: CreateAllianceInput): Promise<AllianceEntity> {
    return this.dataSource.transaction(async (em) => {
      const alliance = await this.alliances.insert(em, {
        name: input.name.trim(),
        municipality: input.municipality.trim(),
        description: input.description ?? null,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'createAlliance',
        entityType: 'Alliance',
        entityId: alliance.id,
        allianceId: alliance.id,
        changedFields: presentFields(input),
      });
      return alliance;
    });
  }

  update(actor: Actor, id: string, input: UpdateAllianceInput): Promise<AllianceEntity> {
    if (!isUuid(id)) throw DomainError.notFound('Alliance');
    assertRole(actor, id, [Role.ALLIANCE_ADMIN]);
    return this.dataSource.transaction(async (em) => {
      const alliance = await this.alliances.lock(em, id);
      if (!alliance) throw DomainError.notFound('Alliance');
      const fields = presentFields(input);
      if (input.name !== undefined) alliance.name = input.name.trim();
      if (input.description !== undefined) alliance.description = input.description;
      if (input.quorumShare !== undefined) alliance.quorumShare = input.quorumShare;
      const saved = await this.alliances.save(em, alliance);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateAlliance',
        entityType: 'Alliance',
        entityId: id,
        allianceId: id,
        changedFields: fields,
      });
      return saved;
    });
  }

  // ── organisations ──────────────────────────────────────────

  /** The directory of organisations, for any signed-in user; `search` matches name and short name. */
  listOrganisations(search?: string | null): Promise<OrganisationEntity[]> {
    return this.organisations.search(search?.trim() || null, 500);
  }

  createOrganisation(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const adminSomewhere =
      actor.platformAdmin || [...actor.roles.values()].some((r) => r.includes(Role.ALLIANCE_ADMIN));
    if (!adminSomewhere) throw DomainError.forbidden('Only administrators may create organisations');
    return this.dataSource.transaction(async (em) => {
      if (await this.organisations.nameTaken(em, input.name.trim()))
        throw DomainError.field('input.name', 'an organisation of this name exists already');
      let org: OrganisationEntity;
      try {
        org = await this.organisations.insert(em, {
          name: input.name.trim(),
          shortName: input.shortName?.trim() || null,
          kind: input.kind,
          legalDomains: [...new Set(input.legalDomains ?? [])],
        });
      } catch (e: any) {
        if (e?.driverError?.code === '23505')
          throw DomainError.field('input.name', 'an organisation of this name exists already');
        throw e;
      }
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'createOrganisation',
        entityType: 'Organisation',
        entityId: org.id,
        changedFields: presentFields(input),
      });
      return org;
    });
  }

  // ── partners ───────────────────────────────────────────────

  addPartner(actor: Actor, input: AddPartnerInput): Promise<PartnerEntity> {
    assertRole(actor, input.allianceId, [Role.ALLIANCE_ADMIN]);
    return this.dataSource.transaction(async (em) => {
      const alliance = await this.alliances.find(em, input.allianceId);
      if (!alliance) throw DomainError.notFound('Alliance');
      const org = await this.organisations.find(em, input.organisationId);
      if (!org) throw DomainError.field('input.organisationId', 'no such organisation');
      const existing = await this.partners.findOfOrganisation(em, input.allianceId, input.organisationId);
      if (existing) throw DomainError.field('input.organisationId', 'is already a partner of this alliance');
      const joinedOn = input.joinedOn ?? (input.status === PartnerStatus.ACTIVE ? todayInBerlin() : null);
      const leftOn = input.status === PartnerStatus.FORMER ? todayInBerlin() : null;
      if (joinedOn && leftOn && leftOn < joinedOn)
        throw DomainError.field(
          'input.joinedOn',
          'a former partner cannot join in the future',
          FieldRule.DATE_IN_FUTURE,
        );
      let partner: PartnerEntity;
      try {
        partner = await this.partners.insert(em, {
          allianceId: input.allianceId,
          organisationId: input.organisationId,
          status: input.status,
          joinedOn,
          leftOn,
        });
      } catch (e: any) {
        // Two admins adding the same organisation at once: the unique key decides.
        if (e?.driverError?.code === '23505')
          throw DomainError.field('input.organisationId', 'is already a partner of this alliance');
        throw e;
      }
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'addPartner',
        entityType: 'Partner',
        entityId: partner.id,
        allianceId: input.allianceId,
        changedFields: ['status', 'organisationId', 'joinedOn'],
      });
      return partner;
    });
  }

  updatePartner(actor: Actor, id: string, input: UpdatePartnerInput): Promise<PartnerEntity> {
    if (!isUuid(id)) throw DomainError.notFound('Partner');
    return this.dataSource.transaction(async (em) => {
      const partner = await this.partners.lock(em, id);
      if (!partner) throw DomainError.notFound('Partner');
      assertRole(actor, partner.allianceId, [Role.ALLIANCE_ADMIN], 'Partner');
      const before = { status: partner.status, joinedOn: partner.joinedOn, leftOn: partner.leftOn };
      if (input.joinedOn !== undefined) partner.joinedOn = input.joinedOn;
      if (input.leftOn !== undefined) partner.leftOn = input.leftOn;
      if (input.status !== undefined && input.status !== partner.status) {
        partner.status = input.status;
        if (input.status === PartnerStatus.ACTIVE) {
          partner.joinedOn ??= todayInBerlin();
          if (input.leftOn === undefined) partner.leftOn = null;
        }
        if (input.status === PartnerStatus.FORMER && input.leftOn === undefined)
          partner.leftOn = todayInBerlin();
      }
      if (partner.joinedOn && partner.leftOn && partner.leftOn < partner.joinedOn) {
        throw DomainError.field(
          input.leftOn !== undefined ? 'input.leftOn' : 'input.joinedOn',
          'leftOn must not be before joinedOn',
          FieldRule.END_BEFORE_START,
        );
      }
      // The fields that really changed, including dates that a status change set.
      const fields = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== partner[k]);
      const saved = await this.partners.save(em, partner);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updatePartner',
        entityType: 'Partner',
        entityId: id,
        allianceId: partner.allianceId,
        changedFields: fields,
      });
      return saved;
    });
  }

  /**
   * For other contexts: the partners with these ids, all of the alliance and (optionally) in one of
   * the statuses; otherwise BAD_USER_INPUT on `path`.
   */
  async requirePartners(
    em: EntityManager,
    allianceId: string,
    ids: string[],
    path: string,
    statuses?: PartnerStatus[],
  ): Promise<PartnerEntity[]> {
    const unique = [...new Set(ids)];
    if (!unique.every(isUuid))
      throw DomainError.field(path, 'contains an invalid id', FieldRule.INVALID_VALUE);
    if (!unique.length) return [];
    const partners = await this.partners.inAlliance(em, allianceId, unique);
    if (partners.length !== unique.length)
      throw DomainError.field(path, 'must be partners of this alliance', FieldRule.NOT_IN_ALLIANCE);
    if (statuses && partners.some((p) => !statuses.includes(p.status))) {
      throw DomainError.field(
        path,
        `must be ${statuses.join(' or ')} partners`,
        FieldRule.NOT_ACTIVE_PARTNER,
      );
    }
    return partners;
  }

  /** For other contexts: those of the partners with these ids that belong to the alliance. */
  partnersIn(em: EntityManager, allianceId: string, ids: string[]): Promise<PartnerEntity[]> {
    const unique = [...new Set(ids.filter(isUuid))];
    if (!unique.length) return Promise.resolve([]);
    return this.partners.inAlliance(em, allianceId, unique);
  }

  /** For other contexts: one organisation, read inside the caller's transaction. */
  findOrganisation(em: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return this.organisations.find(em, id);
  }

  /** For other contexts: whether both organisations are ACTIVE partners of at least one common alliance. */
  async shareActiveAlliance(
    em: EntityManager,
    organisationA: string,
    organisationB: string,
  ): Promise<boolean> {
    const active = async (org: string) =>
      new Set(
        (await this.partners.ofOrganisation(em, org))
          .filter((p) => p.status === PartnerStatus.ACTIVE)
          .map((p) => p.allianceId),
      );
    const [a, b] = await Promise.all([active(organisationA), active(organisationB)]);
    return [...a].some((alliance) => b.has(alliance));
  }

  /** Organisations by id, read in `em`'s transaction, in the order asked (null where unknown). */
  async organisationsIn(em: EntityManager, ids: readonly string[]): Promise<(OrganisationEntity | null)[]> {
    return byKey(ids, await this.organisations.byIds(ids, em), (o) => o.id);
  }

  // ── loaders ────────────────────────────────────────────────

  allianceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AllianceEntity | null>('alliance.byId', async (ids) =>
      byKey(ids, await this.alliances.byIds(ids), (a) => a.id),
    );
  }

  organisationLoader(loaders: LoaderRegistry) {
    return loaders.get<string, OrganisationEntity | null>('organisation.byId', async (ids) =>
      byKey(ids, await this.organisations.byIds(ids), (o) => o.id),
    );
  }

  /** Partners by id; their organisations come in the same statement and fill the organisation loader. */
  partnerLoader(loaders: LoaderRegistry) {
    return loaders.get<string, PartnerEntity | null>('partner.byId', async (ids) => {
      const rows = await this.partners.byIdsWithOrganisations(ids);
      const organisations = this.organisationLoader(loaders);
      for (const { organisation } of rows) organisations.prime(organisation.id, organisation);
      return byKey(
        ids,
        rows.map((r) => r.partner),
        (p) => p.id,
      );
    });
  }

  partnersOfAllianceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, PartnerEntity[]>('partners.byAlliance', async (ids) =>
      groupBy(ids, await this.partners.ofAlliances(ids), (p) => p.allianceId),
    );
  }
}
