import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  byKey,
  countWhenSelected,
  decodeCursor,
  DomainError,
  ErrorCode,
  groupBy,
  isUuid,
  LoaderRegistry,
  type Page,
  pageSize,
  presentFields,
  Role,
  todayInBerlin,
  toPage,
  FieldRule,
} from '../../core/src/index.js';
import { AllianceService } from '../../alliance/src/index.js';
import { UsersService } from '../../identity/src/index.js';
import { CaseRepository, type CaseRecord } from './case.repository.js';
import { CaseCrypto } from './crypto/case-crypto.service.js';
import { CaseDataService, CATEGORY_FIELDS } from './case-data.service.js';
import { type CaseClosingReason, CaseStatus, DataCategory } from './casework.enums.js';
import type { CaseFilter, OpenCaseInput, UpdateCaseDataInput } from './casework.inputs.js';
import type { CaseModel, ConsentModel, HandoverModel } from './casework.models.js';
import { isCaseWorker } from './casework.rules.js';
import { ConsentRepository } from './consent.repository.js';
import { ConsentEvidenceRepository } from './consent-evidence/consent-evidence.repository.js';
import { HandoverRepository } from './handover.repository.js';

type CaseRow = CaseModel & { openedKey: string };

/** The categories of an open/update input that are present (explicit null included). */
function categoriesOf(
  input: Record<string, unknown>,
): Partial<Record<DataCategory, Record<string, unknown> | null>> {
  const out: Partial<Record<DataCategory, Record<string, unknown> | null>> = {};
  for (const [field, category] of Object.entries(CATEGORY_FIELDS)) {
    if (input[field] !== undefined) out[category] = input[field] as Record<string, unknown> | null;
  }
  return out;
}

/** The shell as the actor sees it: `viewerIsOwner` decides which fields it may read. */
export function viewed(actor: Actor, c: CaseRecord): CaseRow {
  return { ...c, viewerIsOwner: isCaseWorker(actor) && c.ownerOrganisationId === actor.organisationId };
}

/** Cases: opening, updating, closing, erasure (Art. 17) and reading shells. */
@Injectable()
export class CaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly data: CaseDataService,
    private readonly crypto: CaseCrypto,
    private readonly repo: CaseRepository,
    private readonly consents: ConsentRepository,
    private readonly handovers: HandoverRepository,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
    private readonly evidence: ConsentEvidenceRepository,
  ) {}

  /**
   * The case, locked for update, when the caller is a case worker of its owner. Others who can see
   * the shell (a receiving organisation) get FORBIDDEN; everyone else NOT_FOUND.
   */
  async lockOwned(em: EntityManager, actor: Actor, id: string): Promise<CaseRow> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Case');
    const record = await this.repo.lock(em, id);
    if (!record) throw DomainError.notFound('Case');
    const c = viewed(actor, record);
    if (!c.viewerIsOwner) {
      if (!(await this.repo.wasHandedOverTo(em, id, actor.organisationId)))
        throw DomainError.notFound('Case');
      throw DomainError.forbidden("Only the owning organisation's case workers may change a case");
    }
    return c;
  }

  /** Identity answers who the user is and which roles they hold. */
  private async requireCaseWorker(
    em: EntityManager,
    actor: Actor,
    userId: string,
    path: string,
  ): Promise<void> {
    const user = isUuid(userId) ? await this.users.find(em, userId) : null;
    const memberships =
      user?.organisationId === actor.organisationId
        ? await this.users.membershipsOfUserLoader(new LoaderRegistry()).load(userId)
        : [];
    if (!memberships.some((m) => m.roles.includes(Role.CASE_WORKER)))
      throw DomainError.field(path, "must be a case worker of the case's organisation");
  }

  private async reload(em: EntityManager, actor: Actor, id: string): Promise<CaseRow> {
    return viewed(actor, (await this.repo.find(em, id))!);
  }

  open(actor: Actor, input: OpenCaseInput): Promise<CaseModel> {
    if (!isCaseWorker(actor)) throw DomainError.forbidden('Only case workers open cases');
    return this.dataSource.transaction(async (em) => {
      const caseWorkerId = input.caseWorkerId ?? actor.userId;
      if (input.caseWorkerId)
        await this.requireCaseWorker(em, actor, input.caseWorkerId, 'input.caseWorkerId');
      const id = await this.insertCase(
        em,
        actor.organisationId,
        caseWorkerId,
        input.supportAreas,
        categoriesOf(input as any),
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'openCase',
        entityType: 'Case',
        entityId: id,
        changedFields: [
          'caseWorkerId',
          'supportAreas',
          ...presentFields(input).filter((f) => f in CATEGORY_FIELDS),
        ],
      });
      return this.reload(em, actor, id);
    });
  }

  /** Creates a case with the next gap-free reference of its organisation and year, in the caller's transaction. */
  async insertCase(
    em: EntityManager,
    ownerOrganisationId: string,
    caseWorkerId: string | null,
    supportAreas: string[],
    categories: Partial<Record<DataCategory, Record<string, unknown> | null>>,
  ): Promise<string> {
    const org = await this.alliances.findOrganisation(em, ownerOrganisationId);
    const prefix =
      String(org?.shortName ?? '')
        .toUpperCase()
        .replace(/[^A-Z0-9-]/g, '') || 'FALL';
    const year = Number(todayInBerlin().slice(0, 4));
    const number = await this.repo.nextNumber(em, ownerOrganisationId, year);
    const identity = categories.IDENTITY as { familyName?: string; dateOfBirth?: string | null } | undefined;
    const id = await this.repo.insert(em, {
      ownerOrganisationId,
      year,
      number,
      reference: `${prefix}-${year}-${String(number).padStart(5, '0')}`,
      caseWorkerId,
      supportAreas: [...new Set(supportAreas)],
      familyNameIndex: identity?.familyName ? this.crypto.familyNameIndex(identity.familyName) : null,
      duplicateIndex: identity?.familyName
        ? (this.crypto.duplicateIndexes(identity.familyName, identity.dateOfBirth)[0] ?? null)
        : null,
    });
    await this.data.write(em, id, categories);
    return id;
  }

  update(actor: Actor, input: UpdateCaseDataInput): Promise<CaseModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.lockOwned(em, actor, input.caseId);
      if (c.status !== CaseStatus.OPEN) throw DomainError.conflict('Only open cases can be changed');
      if (
        input.expectedVersion !== undefined &&
        input.expectedVersion !== null &&
        input.expectedVersion !== c.version
      )
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The case was changed by someone else since you loaded it (version ${input.expectedVersion}, now ${c.version}); reload it and make your change again`,
          undefined,
          { reason: 'STALE_VERSION', currentVersion: c.version },
        );
      if (input.caseWorkerId)
        await this.requireCaseWorker(em, actor, input.caseWorkerId, 'input.caseWorkerId');
      await this.repo.update(em, c.id, {
        caseWorkerId: input.caseWorkerId,
        supportAreas: input.supportAreas === undefined ? undefined : [...new Set(input.supportAreas)],
        familyNameIndex:
          input.identity === undefined ? undefined : this.crypto.familyNameIndex(input.identity.familyName),
        duplicateIndex:
          input.identity === undefined
            ? undefined
            : (this.crypto.duplicateIndexes(input.identity.familyName, input.identity.dateOfBirth)[0] ??
              null),
      });
      await this.data.write(em, c.id, categoriesOf(input as any));
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateCaseData',
        entityType: 'Case',
        entityId: c.id,
        changedFields: presentFields(input).filter((f) => f !== 'caseId' && f !== 'expectedVersion'),
      });
      return this.reload(em, actor, c.id);
    });
  }

  close(actor: Actor, id: string, reason?: CaseClosingReason | null): Promise<CaseModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.lockOwned(em, actor, id);
      if (c.status !== CaseStatus.OPEN) throw DomainError.conflict('Only an open case can be closed');
      await this.repo.close(em, c.id, reason ?? null);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'closeCase',
        entityType: 'Case',
        entityId: c.id,
        changedFields: ['status', 'closedAt', ...(reason ? ['closingReason'] : [])],
      });
      return this.reload(em, actor, c.id);
    });
  }

  /** A closed case is worked on again; an erased one cannot come back. */
  reopen(actor: Actor, id: string): Promise<CaseModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.lockOwned(em, actor, id);
      if (c.status !== CaseStatus.CLOSED)
        throw DomainError.conflict(
          c.status === CaseStatus.ERASED
            ? 'An erased case cannot be reopened: its personal data is gone; open a new case'
            : 'The case is open already',
        );
      await this.repo.reopen(em, c.id);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'reopenCase',
        entityType: 'Case',
        entityId: c.id,
        changedFields: ['status', 'closedAt', 'closingReason', 'reopenedAt'],
      });
      return this.reload(em, actor, c.id);
    });
  }

  erase(actor: Actor, id: string): Promise<CaseModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.lockOwned(em, actor, id);
      if (c.status === CaseStatus.ERASED) throw DomainError.conflict('The case is erased already');
      await this.eraseLocked(em, c.id, actor.userId, 'eraseCase');
      return this.reload(em, actor, c.id);
    });
  }

  /**
   * Art. 17: deletes the personal data rows and the blind index, and clears the free texts that
   * could name the client; the reference, dates, status and the pseudonymous history remain.
   * Open handovers end (CANCELLED). The caller holds the case row lock.
   */
  async eraseLocked(
    em: EntityManager,
    caseId: string,
    actorId: string | null,
    action: string,
  ): Promise<void> {
    await this.data.eraseAll(em, caseId);
    await this.evidence.eraseOfCase(em, caseId);
    await this.repo.markErased(em, caseId);
    await this.handovers.endForErasure(em, caseId);
    await this.consents.eraseTexts(em, caseId);
    await this.audit.append(em, {
      actorId,
      action,
      entityType: 'Case',
      entityId: caseId,
      changedFields: ['status', 'personalData', 'supportAreas'],
    });
  }

  /** null when it does not exist or the caller may not see its shell. */
  async get(actor: Actor, id: string): Promise<CaseModel | null> {
    if (!isCaseWorker(actor) || !isUuid(id)) return null;
    const [c] = await this.repo.findVisible([id], actor.organisationId);
    return c ? viewed(actor, c) : null;
  }

  /** The caller's own cases and those handed over to it; `totalCount` is counted only when asked for. */
  async list(
    actor: Actor,
    filter: CaseFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CaseModel>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (!isCaseWorker(actor)) return toPage<CaseModel>([], limit, 0, () => []);
    if (cursor && (typeof cursor[0] !== 'string' || !isUuid(cursor[1])))
      throw DomainError.field('after', 'is not a valid cursor', FieldRule.INVALID_CURSOR);
    const term = filter?.search?.trim();
    const query = {
      organisationId: actor.organisationId,
      status: filter?.status,
      handedOver: filter?.handedOver,
      // Support areas are the owner's: filtering others' cases by them would disclose them.
      supportArea: filter?.supportArea,
      referenceLike: term ? `%${term.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null,
      familyNameIndexes: term ? this.crypto.familyNameIndexes(term) : null,
      after: cursor ? { openedKey: cursor[0] as string, id: cursor[1] as string } : null,
    };
    const rows = await this.repo.page(query, limit + 1);
    return toPage(
      rows.map((r) => viewed(actor, r)),
      limit,
      countWhenSelected(() => this.repo.count(query)),
      (c) => [c.openedKey, c.id],
    );
  }

  // ── loaders (visibility in the database, per request) ───────────

  caseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, CaseModel | null>('casework.case', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      const rows = await this.repo.findVisible(ids, actor.organisationId);
      return byKey(
        ids,
        rows.map((r) => viewed(actor, r)),
        (c) => c.id,
      );
    });
  }

  consentsOfCaseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, ConsentModel[]>('casework.consentsOfCase', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => []);
      return groupBy(ids, await this.consents.visibleOfCases(ids, actor.organisationId), (k) => k.caseId);
    });
  }

  consentLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, ConsentModel | null>('casework.consent', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      return byKey(ids, await this.consents.findVisible(ids, actor.organisationId), (k) => k.id);
    });
  }

  handoversOfCaseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, HandoverModel[]>('casework.handoversOfCase', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => []);
      return groupBy(ids, await this.handovers.visibleOfCases(ids, actor.organisationId), (h) => h.caseId);
    });
  }

  handoverLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, HandoverModel | null>('casework.handover', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      return byKey(ids, await this.handovers.findVisible(ids, actor.organisationId), (h) => h.id);
    });
  }
}
