import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseClosingReason, CaseStatus, SupportArea } from './casework.enums.js';

export type Db = DataSource | EntityManager;

/** A case's shell as stored; `openedKey` is the exact keyset value of `openedAt`. */
export interface CaseRecord {
  id: string;
  reference: string;
  ownerOrganisationId: string;
  caseWorkerId: string | null;
  status: CaseStatus;
  supportAreasStored: SupportArea[];
  openedAt: Date;
  closedAt: Date | null;
  closingReason: CaseClosingReason | null;
  reopenedAt: Date | null;
  version: number;
  openedKey: string;
}

/** What a case list asks for; every value is bound as a parameter by the query methods below. */
export interface CaseListQuery {
  organisationId: string;
  status?: string[] | null;
  /** true: only cases handed over to the organisation; false: only its own. */
  handedOver?: boolean | null;
  /** Matches the owner's own cases only (support areas are the owner's). */
  supportArea?: string | null;
  /** `lower(reference) LIKE` pattern, already escaped. */
  referenceLike?: string | null;
  /** Blind indexes of the family name; matched in the organisation's own cases only. */
  familyNameIndexes?: string[] | null;
  after?: { openedKey: string; id: string } | null;
}

const COLUMNS = `c.id, c.reference, c.owner_organisation_id, c.case_worker_id, c.status, c.support_areas,
  c.opened_at, c.closed_at, c.closing_reason, c.reopened_at, c.version, c.opened_at::text AS opened_key`;

function toRecord(row: any): CaseRecord {
  return {
    id: row.id,
    reference: row.reference,
    ownerOrganisationId: row.owner_organisation_id,
    caseWorkerId: row.case_worker_id,
    status: row.status as CaseStatus,
    supportAreasStored: row.support_areas as SupportArea[],
    openedAt: new Date(row.opened_at),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    closingReason: row.closing_reason,
    reopenedAt: row.reopened_at ? new Date(row.reopened_at) : null,
    version: row.version,
    openedKey: row.opened_key,
  };
}

/** Binds values as numbered parameters; SQL text never contains a value. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The two halves of "cases an organisation sees": its own (cases_owner_opened_idx) and those handed
 * over to it (handovers_to_idx, then one primary-key lookup per case). The second half probes
 * `cases` from a LATERAL subquery behind an OFFSET 0 fence, so the planner cannot turn it into a
 * scan of every case: a list costs what the organisation sees, never the deployment's size.
 */
function listBranches(q: CaseListQuery, p: Params): { own: string | null; received: string | null } {
  const org = p.add(q.organisationId);
  const shared: string[] = [];
  if (q.status?.length) shared.push(`c.status = ANY(${p.add(q.status)}::text[])`);
  if (q.after)
    shared.push(
      `(c.opened_at, c.id) > (${p.add(q.after.openedKey)}::timestamptz, ${p.add(q.after.id)}::uuid)`,
    );
  const own = [`c.owner_organisation_id = ${org}::uuid`, ...shared];
  if (q.supportArea) own.push(`${p.add(q.supportArea)} = ANY(c.support_areas)`);
  const received = [`c.id = r.case_id`, `c.owner_organisation_id <> ${org}::uuid`, ...shared];
  if (q.referenceLike !== undefined && q.referenceLike !== null) {
    const like = p.add(q.referenceLike);
    received.push(`lower(c.reference) LIKE ${like}`);
    own.push(
      q.familyNameIndexes?.length
        ? `(lower(c.reference) LIKE ${like} OR c.family_name_index = ANY(${p.add(q.familyNameIndexes)}::text[]))`
        : `lower(c.reference) LIKE ${like}`,
    );
  }
  return {
    own: q.handedOver === true ? null : `FROM cases c WHERE ${own.join(' AND ')}`,
    received:
      q.handedOver === false || q.supportArea
        ? null
        : `FROM (SELECT DISTINCT h.case_id FROM handovers h WHERE h.to_organisation_id = ${org}::uuid AND NOT h.awaiting_approval) r
           CROSS JOIN LATERAL (SELECT * FROM cases c WHERE ${received.join(' AND ')} OFFSET 0) c`,
  };
}

/** Data access for cases and their reference counters. */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The case row, locked against other changes until the caller's transaction ends. NO KEY UPDATE,
   * not UPDATE: readers inserting disclosures take FOR KEY SHARE on the case (the foreign key) while
   * holding its handover and consent FOR SHARE; FOR UPDATE here would let an erasure or withdrawal
   * and such a reader wait for each other (a deadlock).
   */
  async lock(em: EntityManager, id: string): Promise<CaseRecord | null> {
    const rows: any[] = await em.query(`SELECT ${COLUMNS} FROM cases c WHERE c.id = $1 FOR NO KEY UPDATE`, [
      id,
    ]);
    return rows.length ? toRecord(rows[0]) : null;
  }

  async find(db: Db, id: string): Promise<CaseRecord | null> {
    const rows: any[] = await db.query(`SELECT ${COLUMNS} FROM cases c WHERE c.id = $1`, [id]);
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** Whether any handover of the case (in any state) went to the organisation. */
  async wasHandedOverTo(db: Db, caseId: string, organisationId: string): Promise<boolean> {
    const rows = await db.query(
      'SELECT 1 FROM handovers WHERE case_id = $1 AND to_organisation_id = $2 AND NOT awaiting_approval LIMIT 1',
      [caseId, organisationId],
    );
    return rows.length > 0;
  }

  /**
   * The shells of the cases among `ids` that the organisation sees: its own, and those with a
   * handover (in any state) to it.
   */
  async findVisible(ids: readonly string[], organisationId: string): Promise<CaseRecord[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[]) AND c.owner_organisation_id = $2
       UNION ALL
       SELECT ${COLUMNS} FROM cases c
        WHERE c.id = ANY($1::uuid[]) AND c.owner_organisation_id <> $2
          AND c.id IN (SELECT h.case_id FROM handovers h WHERE h.case_id = ANY($1::uuid[]) AND h.to_organisation_id = $2 AND NOT h.awaiting_approval)`,
      [[...ids], organisationId],
    );
    return rows.map(toRecord);
  }

  async findOwned(db: Db, id: string, organisationId: string): Promise<CaseRecord | null> {
    const rows: any[] = await db.query(
      `SELECT ${COLUMNS} FROM cases c WHERE c.id = $1 AND c.owner_organisation_id = $2`,
      [id, organisationId],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  /** The next gap-free number of the organisation and year: the counter row stays locked until commit. */
  async nextNumber(em: EntityManager, organisationId: string, year: number): Promise<number> {
    const [row] = await em.query(
      `INSERT INTO case_reference_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
       RETURNING last_number`,
      [organisationId, year],
    );
    return row.last_number;
  }

  async insert(
    em: EntityManager,
    c: {
      ownerOrganisationId: string;
      year: number;
      number: number;
      reference: string;
      caseWorkerId: string | null;
      supportAreas: string[];
      familyNameIndex: string | null;
      duplicateIndex: string | null;
    },
  ): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO cases (owner_organisation_id, year, number, reference, case_worker_id, support_areas, family_name_index, duplicate_index)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        c.ownerOrganisationId,
        c.year,
        c.number,
        c.reference,
        c.caseWorkerId,
        c.supportAreas,
        c.familyNameIndex,
        c.duplicateIndex,
      ],
    );
    return row.id;
  }

  /**
   * The duplicate check: the organisation's OPEN cases whose blind index of family name and date of
   * birth is one of `indexes` (the same person under every configured key), other than `exceptId`.
   * Only the organisation's own cases: never another organisation's.
   */
  async openDuplicates(
    db: Db,
    organisationId: string,
    indexes: string[],
    exceptId: string | null,
  ): Promise<CaseRecord[]> {
    const rows: any[] = await db.query(
      `SELECT ${COLUMNS} FROM cases c
        WHERE c.owner_organisation_id = $1 AND c.status = 'OPEN' AND c.duplicate_index = ANY($2::text[])
          AND ($3::uuid IS NULL OR c.id <> $3) ORDER BY c.opened_at, c.id LIMIT 10`,
      [organisationId, indexes, exceptId],
    );
    return rows.map(toRecord);
  }

  /**
   * For each of the organisation's own cases `caseIds`: its other OPEN cases with the same duplicate
   * index (as stored, so under the key each was written with).
   */
  async openDuplicatesOfCases(
    caseIds: readonly string[],
    organisationId: string,
  ): Promise<(CaseRecord & { ofCaseId: string })[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, o.id AS of_case_id FROM cases o
         JOIN cases c ON c.owner_organisation_id = o.owner_organisation_id AND c.duplicate_index = o.duplicate_index
                     AND c.status = 'OPEN' AND c.id <> o.id
        WHERE o.id = ANY($1::uuid[]) AND o.owner_organisation_id = $2 AND o.duplicate_index IS NOT NULL
        ORDER BY c.opened_at, c.id`,
      [[...caseIds], organisationId],
    );
    return rows.map((r) => ({ ...toRecord(r), ofCaseId: r.of_case_id }));
  }

  /** Sets the given fields (undefined: unchanged) and raises the version. */
  async update(
    em: EntityManager,
    id: string,
    change: {
      caseWorkerId?: string | null;
      supportAreas?: string[];
      familyNameIndex?: string | null;
      duplicateIndex?: string | null;
    },
  ): Promise<void> {
    await em.query(
      `UPDATE cases SET
         case_worker_id = CASE WHEN $2 THEN $3::uuid ELSE case_worker_id END,
         support_areas = CASE WHEN $4 THEN $5::text[] ELSE support_areas END,
         family_name_index = CASE WHEN $6 THEN $7::text ELSE family_name_index END,
         duplicate_index = CASE WHEN $8 THEN $9::text ELSE duplicate_index END,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        id,
        change.caseWorkerId !== undefined,
        change.caseWorkerId ?? null,
        change.supportAreas !== undefined,
        change.supportAreas ?? null,
        change.familyNameIndex !== undefined,
        change.familyNameIndex ?? null,
        change.duplicateIndex !== undefined,
        change.duplicateIndex ?? null,
      ],
    );
  }

  async close(em: EntityManager, id: string, reason: string | null): Promise<void> {
    await em.query(
      `UPDATE cases SET status = 'CLOSED', closed_at = now(), closing_reason = $2, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, reason],
    );
  }

  /** A closed case is open again: the retention clock (closed_at) stops. */
  async reopen(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE cases SET status = 'OPEN', closed_at = NULL, closing_reason = NULL, reopened_at = now(),
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Art. 17 on the shell: status ERASED, no blind index, no support areas; reference and dates stay. */
  async markErased(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE cases SET status = 'ERASED', erased_at = now(), closed_at = COALESCE(closed_at, now()), family_name_index = NULL,
              duplicate_index = NULL, support_areas = '{}', version = version + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** One retention sweep at a time across every instance: a transaction-scoped advisory lock. */
  async tryRetentionLock(em: EntityManager, key: number): Promise<boolean> {
    const [{ locked }] = await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [key]);
    return locked;
  }

  /** Closed cases whose retention has run out, oldest first, locked (others skip them). */
  async lockDueForErasure(em: EntityManager, retentionDays: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM cases WHERE status = 'CLOSED' AND closed_at < now() - make_interval(days => $1::int)
        ORDER BY closed_at LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
      [retentionDays, limit],
    );
    return rows.map((r) => r.id);
  }

  /** One page (`limit` rows) of the cases the organisation sees, by opening time. */
  async page(q: CaseListQuery, limit: number): Promise<CaseRecord[]> {
    const p = new Params();
    const { own, received } = listBranches(q, p);
    const n = p.add(limit);
    const branches = [own, received]
      .filter((from): from is string => from !== null)
      .map((from) => `(SELECT ${COLUMNS} ${from} ORDER BY c.opened_at, c.id LIMIT ${n})`);
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM (${branches.join(' UNION ALL ')}) v ORDER BY v.opened_at, v.id LIMIT ${n}`,
      p.values,
    );
    return rows.map(toRecord);
  }

  /** How many cases the list would hold without paging. */
  async count(q: CaseListQuery): Promise<number> {
    const p = new Params();
    const { own, received } = listBranches({ ...q, after: null }, p);
    const parts = [own, received]
      .filter((from): from is string => from !== null)
      .map((from) => `(SELECT count(*) ${from})`);
    const [{ count }] = await this.dataSource.query(`SELECT (${parts.join(' + ')})::int AS count`, p.values);
    return count;
  }
}
