import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Db } from './case.repository.js';
import { CONSENT_ACTIVE } from './consent.repository.js';
import type { DisclosureModel } from './casework.models.js';
import { sortCategories } from './casework.rules.js';

export interface DisclosureRecord extends DisclosureModel {
  /** The exact keyset value of `at`. */
  atKey: string;
}

function toDisclosure(row: any): DisclosureRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    readerId: row.reader_id,
    organisationId: row.organisation_id,
    categories: sortCategories(row.categories),
    handoverId: row.handover_id,
    consentId: row.consent_id,
    legalBasisCode: row.legal_basis ?? null,
    at: new Date(row.at),
    atKey: row.at_key,
  };
}

/** What one reader read of one case under one handover. */
export interface DisclosureToRecord {
  caseId: string;
  categories: string[];
  handoverId: string;
  consentId: string;
}

/**
 * Data access for disclosures: partitioned by month of `at`, append-only (a trigger refuses UPDATE,
 * and DELETE except the retention sweep's on erased cases).
 */
@Injectable()
export class DisclosureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records the reads in one statement, re-checking each grant under FOR SHARE of its handover and
   * consent: a withdrawal or cancellation (which lock them FOR NO KEY UPDATE) waits for this statement, and
   * a grant that ended before it records nothing. Returns the (case, handover) pairs recorded.
   */
  async recordGranted(
    readerId: string,
    organisationId: string,
    reads: readonly DisclosureToRecord[],
  ): Promise<{ caseId: string; handoverId: string }[]> {
    const rows: any[] = await this.dataSource.query(
      `WITH v AS (
         SELECT v.case_id, string_to_array(v.categories, ',') AS categories, v.handover_id, v.consent_id
           FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[]) AS v(case_id, categories, handover_id, consent_id)),
       granting AS (
         SELECT h.id, h.case_id, h.consent_id, h.categories AS handed_over, k.categories AS consented, k.legal_basis
           FROM handovers h JOIN consents k ON k.id = h.consent_id
          WHERE h.id = ANY($5::uuid[]) AND h.to_organisation_id = $2 AND h.status = 'ACCEPTED'
            AND ${CONSENT_ACTIVE} AND $2 = ANY(k.recipient_ids)
          FOR SHARE OF h, k)
       INSERT INTO disclosures (case_id, reader_id, organisation_id, categories, handover_id, consent_id, legal_basis)
       SELECT v.case_id, $1, $2, v.categories, v.handover_id, v.consent_id, g.legal_basis
         FROM v JOIN granting g ON g.id = v.handover_id AND g.case_id = v.case_id AND g.consent_id = v.consent_id
        WHERE v.categories <@ g.handed_over AND v.categories <@ g.consented
       RETURNING case_id, handover_id`,
      [
        readerId,
        organisationId,
        reads.map((d) => d.caseId),
        reads.map((d) => sortCategories(d.categories).join(',')),
        reads.map((d) => d.handoverId),
        reads.map((d) => d.consentId),
      ],
    );
    return rows.map((r) => ({ caseId: r.case_id, handoverId: r.handover_id }));
  }

  async countOfCase(caseId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM disclosures WHERE case_id = $1',
      [caseId],
    );
    return count;
  }

  /** One page of the case's disclosures, oldest first, after the keyset `after`. */
  async pageOfCase(
    caseId: string,
    after: { atKey: string; id: string } | null,
    limit: number,
  ): Promise<DisclosureRecord[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT *, at::text AS at_key FROM disclosures
        WHERE case_id = $1 AND ($2::timestamptz IS NULL OR (at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY at, id LIMIT $4`,
      [caseId, after?.atKey ?? null, after?.id ?? null, limit],
    );
    return rows.map(toDisclosure);
  }

  async allOfCase(db: Db, caseId: string): Promise<DisclosureRecord[]> {
    const rows: any[] = await db.query(
      'SELECT *, at::text AS at_key FROM disclosures WHERE case_id = $1 ORDER BY at, id',
      [caseId],
    );
    return rows.map(toDisclosure);
  }

  /**
   * Creates the monthly partitions from this month to `monthsAhead` months on (those missing; one
   * caller at a time across instances). Returns how many it created.
   */
  async ensurePartitions(em: EntityManager, monthsAhead: number): Promise<number> {
    const [{ created }] = await em.query(
      `SELECT ensure_disclosure_partitions(now(), now() + make_interval(months => $1::int)) AS created`,
      [monthsAhead],
    );
    return created;
  }

  /**
   * Erased cases whose disclosures have been kept `retentionDays` since the erasure, oldest first,
   * locked (another sweep skips them).
   */
  async lockCasesDueForExpiry(em: EntityManager, retentionDays: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM cases
        WHERE status = 'ERASED' AND disclosures_expired_at IS NULL AND erased_at < now() - make_interval(days => $1::int)
        ORDER BY erased_at LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
      [retentionDays, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Deletes the disclosures of these erased cases and marks them done; the transaction declares
   * itself the retention sweep, which the append-only trigger requires. Returns the rows deleted.
   */
  async deleteOfErasedCases(em: EntityManager, caseIds: readonly string[]): Promise<number> {
    await em.query(`SET LOCAL casework.disclosure_retention = 'on'`);
    const [{ deleted }] = await em.query(
      `WITH gone AS (DELETE FROM disclosures WHERE case_id = ANY($1::uuid[]) RETURNING 1),
            marked AS (UPDATE cases SET disclosures_expired_at = now() WHERE id = ANY($1::uuid[]) AND status = 'ERASED' RETURNING 1)
       SELECT (SELECT count(*) FROM gone)::int AS deleted`,
      [caseIds],
    );
    await em.query(`SET LOCAL casework.disclosure_retention = 'off'`);
    return deleted;
  }
}
