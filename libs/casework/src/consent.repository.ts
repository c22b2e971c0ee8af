import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Db } from './case.repository.js';
import type { ConsentForm, ConsentStatus } from './casework.enums.js';
import type { ConsentModel } from './casework.models.js';
import { sortCategories } from './casework.rules.js';

/**
 * A consent (alias `k`) is active now: not withdrawn, validFrom ≤ now < validUntil, and — for a
 * legal basis standing in for a consent — approved by a second case worker. Evaluated by the
 * database on every read. A constant: it binds no values.
 */
export const CONSENT_ACTIVE = `(k.withdrawn_at IS NULL AND (k.legal_basis IS NULL OR k.approved_at IS NOT NULL) AND k.valid_from <= now() AND (k.valid_until IS NULL OR now() < k.valid_until))`;

const SELECT = `SELECT k.*,
  CASE WHEN k.withdrawn_at IS NOT NULL THEN 'WITHDRAWN' WHEN k.rejected_at IS NOT NULL THEN 'REJECTED'
       WHEN k.legal_basis IS NOT NULL AND k.approved_at IS NULL THEN 'PENDING_APPROVAL'
       WHEN k.valid_until IS NOT NULL AND k.valid_until <= now() THEN 'EXPIRED' ELSE 'ACTIVE' END AS computed_status
  FROM consents k`;

/** Owner ($2): every consent of the case; a receiving organisation: the consents of its own handovers. */
const VISIBLE_TO_$2 = `(EXISTS (SELECT 1 FROM cases c WHERE c.id = k.case_id AND c.owner_organisation_id = $2)
  OR EXISTS (SELECT 1 FROM handovers hv WHERE hv.consent_id = k.id AND hv.to_organisation_id = $2 AND NOT hv.awaiting_approval))`;

function toConsent(row: any): ConsentModel {
  return {
    id: row.id,
    caseId: row.case_id,
    recipientIds: row.recipient_ids,
    categories: sortCategories(row.categories),
    purpose: row.purpose,
    form: row.form as ConsentForm,
    evidenceReference: row.evidence_reference,
    informedInLanguage: row.informed_in_language,
    interpreterUsed: row.interpreter_used,
    validFrom: new Date(row.valid_from),
    validUntil: row.valid_until ? new Date(row.valid_until) : null,
    status: row.computed_status as ConsentStatus,
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
    withdrawalNote: row.withdrawal_note,
    legalBasisCode: row.legal_basis,
    approvedById: row.approved_by,
    approvedAt: row.approved_at ? new Date(row.approved_at) : null,
    rejectedById: row.rejected_by,
    rejectedAt: row.rejected_at ? new Date(row.rejected_at) : null,
    rejectionReason: row.rejection_reason,
  };
}

export interface NewConsent {
  caseId: string;
  recipientIds: string[];
  categories: string[];
  purpose: string;
  form: string;
  evidenceReference: string | null;
  informedInLanguage: string;
  interpreterUsed: boolean;
  validFrom: Date | string;
  validUntil: Date | string | null;
  recordedBy: string;
  /** A legal basis instead of a consent (form STATUTORY): waits for a second case worker's approval. */
  legalBasis?: string | null;
  /** Only the demo seeder records a consent that is withdrawn already. */
  withdrawn?: { by: string; note: string | null };
}

/** Data access for consents. */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(db: Db, id: string): Promise<ConsentModel | null> {
    const rows: any[] = await db.query(`${SELECT} WHERE k.id = $1`, [id]);
    return rows.length ? toConsent(rows[0]) : null;
  }

  async ofCase(db: Db, caseId: string): Promise<ConsentModel[]> {
    const rows: any[] = await db.query(`${SELECT} WHERE k.case_id = $1 ORDER BY k.recorded_at, k.id`, [
      caseId,
    ]);
    return rows.map(toConsent);
  }

  /** The consents among `ids` that the organisation sees. */
  async findVisible(ids: readonly string[], organisationId: string): Promise<ConsentModel[]> {
    const rows: any[] = await this.dataSource.query(
      `${SELECT} WHERE k.id = ANY($1::uuid[]) AND ${VISIBLE_TO_$2}`,
      [[...ids], organisationId],
    );
    return rows.map(toConsent);
  }

  /** The consents of the cases `caseIds` that the organisation sees, oldest first. */
  async visibleOfCases(caseIds: readonly string[], organisationId: string): Promise<ConsentModel[]> {
    const rows: any[] = await this.dataSource.query(
      `${SELECT} WHERE k.case_id = ANY($1::uuid[]) AND ${VISIBLE_TO_$2} ORDER BY k.recorded_at, k.id`,
      [[...caseIds], organisationId],
    );
    return rows.map(toConsent);
  }

  /** The case of a consent the organisation sees, or null. */
  async caseOfVisible(db: Db, id: string, organisationId: string): Promise<string | null> {
    const rows: any[] = await db.query(
      `SELECT k.case_id FROM consents k WHERE k.id = $1 AND ${VISIBLE_TO_$2}`,
      [id, organisationId],
    );
    return rows.length ? rows[0].case_id : null;
  }

  async insert(em: EntityManager, k: NewConsent): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, evidence_reference, informed_in_language,
              interpreter_used, valid_from, valid_until, recorded_by, withdrawn_at, withdrawn_by, withdrawal_note, legal_basis)
       VALUES ($1, $2::uuid[], $3::text[], $4, $5, $6, $7, $8, $9, $10, $11,
               CASE WHEN $12::uuid IS NULL THEN NULL ELSE now() END, $12, $13, $14) RETURNING id`,
      [
        k.caseId,
        k.recipientIds,
        k.categories,
        k.purpose,
        k.form,
        k.evidenceReference,
        k.informedInLanguage,
        k.interpreterUsed,
        k.validFrom,
        k.validUntil,
        k.recordedBy,
        k.withdrawn?.by ?? null,
        k.withdrawn?.note ?? null,
        k.legalBasis ?? null,
      ],
    );
    return row.id;
  }

  /**
   * Locks the consent (FOR NO KEY UPDATE, which conflicts with FOR SHARE): reads that disclose under it hold it FOR SHARE until their
   * disclosure is committed, so this waits for them. Returns whether it is withdrawn already.
   */
  async lockForWithdrawal(em: EntityManager, id: string): Promise<{ withdrawn: boolean }> {
    const [row] = await em.query('SELECT withdrawn_at FROM consents WHERE id = $1 FOR NO KEY UPDATE', [id]);
    return { withdrawn: !!row.withdrawn_at };
  }

  /** clock_timestamp(), not now(): the moment after the lock, later than every disclosure under it. */
  async withdraw(em: EntityManager, id: string, by: string, note: string | null): Promise<void> {
    await em.query(
      'UPDATE consents SET withdrawn_at = clock_timestamp(), withdrawn_by = $2, withdrawal_note = $3 WHERE id = $1',
      [id, by, note],
    );
  }

  /**
   * For a handover: whether the consent of the case is active and names the recipient and every
   * category; locked FOR SHARE so a concurrent withdrawal waits for the caller's transaction.
   */
  async coverage(
    em: EntityManager,
    id: string,
    caseId: string | null,
  ): Promise<{ recipientIds: string[]; categories: string[]; active: boolean; statutory: boolean } | null> {
    const rows: any[] = await em.query(
      `SELECT k.recipient_ids, k.categories, ${CONSENT_ACTIVE} AS active, k.legal_basis IS NOT NULL AS statutory FROM consents k
        WHERE k.id = $1 AND ($2::uuid IS NULL OR k.case_id = $2) FOR SHARE`,
      [id, caseId],
    );
    if (!rows.length) return null;
    return {
      recipientIds: rows[0].recipient_ids,
      categories: rows[0].categories,
      active: rows[0].active,
      statutory: rows[0].statutory,
    };
  }

  /**
   * A legal basis's approval state, locked against a concurrent approval, rejection or revocation
   * (FOR NO KEY UPDATE, like a withdrawal: it waits for reads that disclose under it).
   */
  async lockBasis(
    em: EntityManager,
    id: string,
  ): Promise<{
    legalBasis: string | null;
    recordedBy: string;
    approved: boolean;
    rejected: boolean;
    withdrawn: boolean;
  } | null> {
    const rows: any[] = await em.query(
      `SELECT legal_basis, recorded_by, approved_at IS NOT NULL AS approved, rejected_at IS NOT NULL AS rejected,
              withdrawn_at IS NOT NULL AS withdrawn FROM consents WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      legalBasis: r.legal_basis,
      recordedBy: r.recorded_by,
      approved: r.approved,
      rejected: r.rejected,
      withdrawn: r.withdrawn,
    };
  }

  async approveBasis(em: EntityManager, id: string, by: string): Promise<void> {
    await em.query('UPDATE consents SET approved_by = $2, approved_at = clock_timestamp() WHERE id = $1', [
      id,
      by,
    ]);
  }

  async rejectBasis(em: EntityManager, id: string, by: string, reason: string): Promise<void> {
    await em.query(
      'UPDATE consents SET rejected_by = $2, rejected_at = clock_timestamp(), rejection_reason = $3 WHERE id = $1',
      [id, by, reason],
    );
  }

  /** Art. 17: the free texts around the case's consents go; the facts stay. */
  async eraseTexts(em: EntityManager, caseId: string): Promise<void> {
    await em.query(
      `UPDATE consents SET purpose = '[erased]', evidence_reference = NULL, withdrawal_note = NULL, rejection_reason = NULL WHERE case_id = $1`,
      [caseId],
    );
  }
}
