import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  byKey,
  decodeCursor,
  DomainError,
  groupBy,
  isUuid,
  type LoaderRegistry,
  type Page,
  pageSize,
  presentFields,
  todayInBerlin,
  toPage,
} from '../../core/src/index.js';
import { CaseCrypto } from './crypto/case-crypto.service.js';
import { CASE_FIELDS_OF, CaseDataService, CATEGORY_FIELDS } from './case-data.service.js';
import { CaseStatus, DataCategory } from './casework.enums.js';
import type { CaseFilter, OpenCaseInput, UpdateCaseDataInput } from './casework.inputs.js';
import type { CaseModel, ConsentModel, HandoverModel } from './casework.models.js';
import {
  CASE_COLUMNS,
  caseVisible,
  CONSENT_SELECT,
  consentVisible,
  HANDOVER_SELECT,
  handoverVisible,
  isCaseWorker,
  toCase,
  toConsent,
  toHandover,
} from './casework.sql.js';

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

/** Cases: opening, updating, closing, erasure (Art. 17), reading shells and the Art. 15 export. */
@Injectable()
export class CaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly data: CaseDataService,
    private readonly crypto: CaseCrypto,
  ) {}

  /**
   * The case, locked for update, when the caller is a case worker of its owner. Others who can see
   * the shell (a receiving organisation) get FORBIDDEN; everyone else NOT_FOUND.
   */
  async lockOwned(em: EntityManager, actor: Actor, id: string): Promise<CaseRow> {
    if (!isCaseWorker(actor) || !isUuid(id)) throw DomainError.notFound('Case');
    // NO KEY UPDATE, not UPDATE: a reader recording a disclosure holds the handover and consent FOR SHARE
    // and then takes FOR KEY SHARE on the case (foreign key); FOR UPDATE here could deadlock with it.
    const rows: any[] = await em.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    if (!rows.length) throw DomainError.notFound('Case');
    const c = toCase(rows[0], actor);
    if (!c.viewerIsOwner) {
      const handedOver = await em.query(
        'SELECT 1 FROM handovers WHERE case_id = $1 AND to_organisation_id = $2 LIMIT 1',
        [id, actor.organisationId],
      );
      if (!handedOver.length) throw DomainError.notFound('Case');
      throw DomainError.forbidden("Only the owning organisation's case workers may change a case");
    }
    return c;
  }

  private async requireCaseWorker(
    em: EntityManager,
    actor: Actor,
    userId: string,
    path: string,
  ): Promise<void> {
    const rows = await em.query(
      `SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND u.organisation_id = $2 AND 'CASE_WORKER' = ANY(m.roles) LIMIT 1`,
      [userId, actor.organisationId],
    );
    if (!rows.length) throw DomainError.field(path, "must be a case worker of the case's organisation");
  }

  private async reload(em: EntityManager | DataSource, actor: Actor, id: string): Promise<CaseRow> {
    const rows: any[] = await em.query(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`, [id]);
    return toCase(rows[0], actor);
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
    const [org] = await em.query('SELECT short_name FROM organisations WHERE id = $1', [ownerOrganisationId]);
    const prefix =
      String(org?.short_name ?? '')
        .toUpperCase()
        .replace(/[^A-Z0-9-]/g, '') || 'FALL';
    const year = Number(todayInBerlin().slice(0, 4));
    // Gap-free: the counter row stays locked until this transaction commits or rolls back.
    const [{ last_number: number }] = await em.query(
      `INSERT INTO case_reference_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
       RETURNING last_number`,
      [ownerOrganisationId, year],
    );
    const reference = `${prefix}-${year}-${String(number).padStart(5, '0')}`;
    const identity = categories.IDENTITY as { familyName?: string } | undefined;
    const [row] = await em.query(
      `INSERT INTO cases (owner_organisation_id, year, number, reference, case_worker_id, support_areas, family_name_index)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        ownerOrganisationId,
        year,
        number,
        reference,
        caseWorkerId,
        [...new Set(supportAreas)],
        identity?.familyName ? this.crypto.familyNameIndex(identity.familyName) : null,
      ],
    );
    await this.data.write(em, row.id, categories);
    return row.id;
  }

  update(actor: Actor, input: UpdateCaseDataInput): Promise<CaseModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.lockOwned(em, actor, input.caseId);
      if (c.status !== CaseStatus.OPEN) throw DomainError.conflict('Only open cases can be changed');
      const fields = presentFields(input).filter((f) => f !== 'caseId');
      if (input.caseWorkerId)
        await this.requireCaseWorker(em, actor, input.caseWorkerId, 'input.caseWorkerId');
      const sets: string[] = [];
      const params: unknown[] = [c.id];
      if (input.caseWorkerId !== undefined) {
        params.push(input.caseWorkerId);
        sets.push(`case_worker_id = $${params.length}`);
      }
      if (input.supportAreas !== undefined) {
        params.push([...new Set(input.supportAreas)]);
        sets.push(`support_areas = $${params.length}`);
      }
      if (input.identity !== undefined) {
        params.push(this.crypto.familyNameIndex(input.identity.familyName));
        sets.push(`family_name_index = $${params.length}`);
      }
      await em.query(`UPDATE cases SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
      await this.data.write(em, c.id, categoriesOf(input as any));
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateCaseData',
        entityType: 'Case',
        entityId: c.id,
        changedFields: fields,
      });
      return this.reload(em, actor, c.id);
    });
  }

  close(actor: Actor, id: string): Promise<CaseModel> {
    return this.dataSource.transaction(async (em) => {
      const c = await this.lockOwned(em, actor, id);
      if (c.status !== CaseStatus.OPEN) throw DomainError.conflict('Only an open case can be closed');
      await em.query(
        `UPDATE cases SET status = 'CLOSED', closed_at = now(), updated_at = now() WHERE id = $1`,
        [c.id],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'closeCase',
        entityType: 'Case',
        entityId: c.id,
        changedFields: ['status', 'closedAt'],
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
    await em.query('DELETE FROM case_data WHERE case_id = $1', [caseId]);
    await em.query(
      `UPDATE cases SET status = 'ERASED', erased_at = now(), closed_at = COALESCE(closed_at, now()), family_name_index = NULL,
              support_areas = '{}', updated_at = now() WHERE id = $1`,
      [caseId],
    );
    await em.query(
      `UPDATE handovers SET message = NULL, decline_reason = NULL, outcome = NULL, cancel_reason = NULL,
              cancelled_at = CASE WHEN status IN ('REQUESTED', 'ACCEPTED') THEN now() ELSE cancelled_at END,
              status = CASE WHEN status IN ('REQUESTED', 'ACCEPTED') THEN 'CANCELLED' ELSE status END
        WHERE case_id = $1`,
      [caseId],
    );
    await em.query(
      `UPDATE consents SET purpose = '[erased]', evidence_reference = NULL, withdrawal_note = NULL WHERE case_id = $1`,
      [caseId],
    );
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
    const rows: any[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 AND ${caseVisible('$2::uuid')}`,
      [id, actor.organisationId],
    );
    return rows.length ? toCase(rows[0], actor) : null;
  }

  async list(
    actor: Actor,
    filter: CaseFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CaseModel>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (!isCaseWorker(actor)) return toPage<CaseModel>([], limit, 0, () => []);
    const params: unknown[] = [actor.organisationId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [caseVisible('$1::uuid')];
    if (filter?.status?.length) where.push(`c.status = ANY(${p(filter.status)}::text[])`);
    if (filter?.handedOver === true) where.push('c.owner_organisation_id <> $1::uuid');
    if (filter?.handedOver === false) where.push('c.owner_organisation_id = $1::uuid');
    // Support areas are the owner's: filtering others' cases by them would disclose them.
    if (filter?.supportArea)
      where.push(`(c.owner_organisation_id = $1::uuid AND ${p(filter.supportArea)} = ANY(c.support_areas))`);
    const term = filter?.search?.trim();
    if (term) {
      const like = `%${term.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push(
        `(lower(c.reference) LIKE ${p(like)} OR (c.owner_organisation_id = $1::uuid AND c.family_name_index = ANY(${p(this.crypto.familyNameIndexes(term))}::text[])))`,
      );
    }
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM cases c WHERE ${where.join(' AND ')}`,
      params,
    );
    if (cursor) {
      if (typeof cursor[0] !== 'string' || !isUuid(cursor[1]))
        throw DomainError.field('after', 'is not a valid cursor');
      where.push(`(c.opened_at, c.id) > (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    }
    const rows: any[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE ${where.join(' AND ')} ORDER BY c.opened_at, c.id LIMIT ${limit + 1}`,
      params,
    );
    return toPage(
      rows.map((r) => toCase(r, actor)),
      limit,
      count,
      (c) => [c.openedKey, c.id],
    );
  }

  /** GDPR Art. 15: the whole record of one case as a JSON document, for its owner only; null otherwise. */
  async export(actor: Actor, id: string): Promise<string | null> {
    if (!isCaseWorker(actor) || !isUuid(id)) return null;
    return this.dataSource.transaction(async (em) => {
      const rows: any[] = await em.query(
        `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 AND c.owner_organisation_id = $2`,
        [id, actor.organisationId],
      );
      if (!rows.length) return null;
      const c = toCase(rows[0], actor);
      const orgs: any[] = await em.query(
        `SELECT id, name FROM organisations WHERE id = $1
          OR id IN (SELECT unnest(recipient_ids) FROM consents WHERE case_id = $2)
          OR id IN (SELECT to_organisation_id FROM handovers WHERE case_id = $2)`,
        [c.ownerOrganisationId, c.id],
      );
      const orgName = new Map(orgs.map((o) => [o.id, o.name]));
      const org = (oid: string) => ({ id: oid, name: orgName.get(oid) ?? null });
      const data = await this.data.readAllForOwner(em, c.id);
      const consents: any[] = (
        await em.query(`${CONSENT_SELECT} WHERE k.case_id = $1 ORDER BY k.recorded_at, k.id`, [c.id])
      ).map(toConsent);
      const handovers: any[] = (
        await em.query(`${HANDOVER_SELECT} WHERE h.case_id = $1 ORDER BY h.requested_at, h.id`, [c.id])
      ).map(toHandover);
      const disclosures: any[] = await em.query(
        `SELECT d.id, d.at, d.categories, d.handover_id, d.consent_id, d.organisation_id, u.display_name AS reader
           FROM disclosures d JOIN users u ON u.id = d.reader_id WHERE d.case_id = $1 ORDER BY d.at, d.id`,
        [c.id],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'exportCase',
        entityType: 'Case',
        entityId: c.id,
        changedFields: [],
      });
      const document = {
        format: 'buendnisportal.case-export/1',
        exportedAt: new Date().toISOString(),
        case: {
          id: c.id,
          reference: c.reference,
          owner: org(c.ownerOrganisationId),
          status: c.status,
          supportAreas: c.supportAreasStored,
          openedAt: c.openedAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
        },
        data: Object.fromEntries(
          Object.entries(CASE_FIELDS_OF).map(([category, field]) => [
            field,
            data[category as DataCategory] ?? null,
          ]),
        ),
        consents: consents.map((k) => ({
          id: k.id,
          recipients: k.recipientIds.map(org),
          categories: k.categories,
          purpose: k.purpose,
          form: k.form,
          evidenceReference: k.evidenceReference,
          informedInLanguage: k.informedInLanguage,
          interpreterUsed: k.interpreterUsed,
          validFrom: k.validFrom.toISOString(),
          validUntil: k.validUntil?.toISOString() ?? null,
          status: k.status,
          recordedAt: k.recordedAt.toISOString(),
          withdrawnAt: k.withdrawnAt?.toISOString() ?? null,
          withdrawalNote: k.withdrawalNote,
        })),
        handovers: handovers.map((h) => ({
          id: h.id,
          to: org(h.toOrganisationId),
          consentId: h.consentId,
          categories: h.categories,
          status: h.status,
          message: h.message,
          requestedAt: h.requestedAt.toISOString(),
          respondedAt: h.respondedAt?.toISOString() ?? null,
          declineReason: h.declineReason,
          outcome: h.outcome,
          cancelledAt: h.cancelledAt?.toISOString() ?? null,
          accessActive: h.accessActive,
        })),
        disclosures: disclosures.map((d) => ({
          id: d.id,
          at: new Date(d.at).toISOString(),
          reader: d.reader,
          organisation: org(d.organisation_id),
          categories: d.categories,
          handoverId: d.handover_id,
          consentId: d.consent_id,
        })),
      };
      return JSON.stringify(document);
    });
  }

  // ── loaders (visibility in the database, per request) ───────────

  caseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, CaseModel | null>('casework.case', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      const rows: any[] = await this.dataSource.query(
        `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[]) AND ${caseVisible('$2::uuid')}`,
        [[...ids], actor.organisationId],
      );
      return byKey(
        ids,
        rows.map((r) => toCase(r, actor)),
        (c) => c.id,
      );
    });
  }

  consentsOfCaseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, ConsentModel[]>('casework.consentsOfCase', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => []);
      const rows: any[] = await this.dataSource.query(
        `${CONSENT_SELECT} WHERE k.case_id = ANY($1::uuid[]) AND ${consentVisible('$2::uuid')} ORDER BY k.recorded_at, k.id`,
        [[...ids], actor.organisationId],
      );
      return groupBy(ids, rows.map(toConsent), (k) => k.caseId);
    });
  }

  consentLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, ConsentModel | null>('casework.consent', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      const rows: any[] = await this.dataSource.query(
        `${CONSENT_SELECT} WHERE k.id = ANY($1::uuid[]) AND ${consentVisible('$2::uuid')}`,
        [[...ids], actor.organisationId],
      );
      return byKey(ids, rows.map(toConsent), (k) => k.id);
    });
  }

  handoversOfCaseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, HandoverModel[]>('casework.handoversOfCase', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => []);
      const rows: any[] = await this.dataSource.query(
        `${HANDOVER_SELECT} WHERE h.case_id = ANY($1::uuid[]) AND ${handoverVisible('$2::uuid')} ORDER BY h.requested_at, h.id`,
        [[...ids], actor.organisationId],
      );
      return groupBy(ids, rows.map(toHandover), (h) => h.caseId);
    });
  }

  handoverLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, HandoverModel | null>('casework.handover', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => null);
      const rows: any[] = await this.dataSource.query(
        `${HANDOVER_SELECT} WHERE h.id = ANY($1::uuid[]) AND ${handoverVisible('$2::uuid')}`,
        [[...ids], actor.organisationId],
      );
      return byKey(ids, rows.map(toHandover), (h) => h.id);
    });
  }
}
