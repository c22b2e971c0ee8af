import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Db } from './case.repository.js';
import { CONSENT_ACTIVE } from './consent.repository.js';
import { HandoverAccessEnd, HandoverStatus } from './casework.enums.js';
import type { HandoverModel } from './casework.models.js';
import { sortCategories } from './casework.rules.js';

/**
 * Invariant 2 for one handover: accepted, its case not erased, its consent active now and still
 * naming the recipient and categories. Case and consent are probed per row by primary key (scalar
 * subqueries: never turned into joins or hashed), so a list of handovers costs its own rows, not a
 * scan of every case.
 */
const SELECT = `SELECT h.*, (h.status = 'ACCEPTED'
    AND (SELECT c.status FROM cases c WHERE c.id = h.case_id) <> 'ERASED'
    AND COALESCE((SELECT ${CONSENT_ACTIVE} AND h.to_organisation_id = ANY(k.recipient_ids) AND h.categories <@ k.categories
                    FROM consents k WHERE k.id = h.consent_id), false)) AS access_active,
  (SELECT json_build_object('withdrawnAt', k.withdrawn_at, 'validUntil', k.valid_until,
            'expired', k.valid_until IS NOT NULL AND k.valid_until <= now(), 'legalBasis', k.legal_basis)
     FROM consents k WHERE k.id = h.consent_id) AS grant_state
  FROM handovers h`;

/**
 * Sent by organisation $2, or received by it — once it may know of it: a handover on a legal basis
 * reaches the receiving organisation only after the second case worker's approval.
 */
const SENT_OR_RECEIVED_BY_$2 = `(h.from_organisation_id = $2 OR (h.to_organisation_id = $2 AND NOT h.awaiting_approval))`;

/** A handover as stored, for the rules that change it. */
export interface HandoverRecord {
  id: string;
  caseId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  consentId: string;
  categories: string[];
  status: HandoverStatus;
  requestedBy: string;
  awaitingApproval: boolean;
}

function toHandover(row: any): HandoverModel {
  return {
    id: row.id,
    caseId: row.case_id,
    fromOrganisationId: row.from_organisation_id,
    toOrganisationId: row.to_organisation_id,
    consentId: row.consent_id,
    categories: sortCategories(row.categories),
    message: row.message,
    status: row.status as HandoverStatus,
    requestedById: row.requested_by,
    requestedAt: new Date(row.requested_at),
    respondedById: row.responded_by,
    respondedAt: row.responded_at ? new Date(row.responded_at) : null,
    declineReason: row.decline_reason,
    outcome: row.outcome,
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
    cancelReason: row.cancel_reason,
    accessActive: row.access_active === true,
    completedById: row.completed_by,
    completedAt: row.completed_at ? new Date(row.completed_at) : null,
    ...accessEnd(row),
    legalBasisCode: row.grant_state?.legalBasis ?? null,
    basisPending: row.awaiting_approval === true,
  };
}

/**
 * When and why the access of a handover that was accepted ended: the earliest of its cancellation
 * (by the sender, or by the case's erasure), its completion, and the withdrawal or expiry of its
 * consent or legal basis.
 */
function accessEnd(row: any): { accessEndedAt: Date | null; accessEndReason: HandoverAccessEnd | null } {
  const none = { accessEndedAt: null, accessEndReason: null };
  const status = row.status as HandoverStatus;
  if (row.access_active === true || !row.responded_at || status === HandoverStatus.DECLINED) return none;
  if (status === HandoverStatus.REQUESTED) return none;
  const basis = !!row.grant_state?.legalBasis;
  const ends: [Date, HandoverAccessEnd][] = [];
  if (status === HandoverStatus.CANCELLED && row.cancelled_at)
    ends.push([
      new Date(row.cancelled_at),
      row.cancelled_by ? HandoverAccessEnd.HANDOVER_CANCELLED : HandoverAccessEnd.CASE_ERASED,
    ]);
  if (status === HandoverStatus.COMPLETED && row.completed_at)
    ends.push([new Date(row.completed_at), HandoverAccessEnd.HANDOVER_COMPLETED]);
  const g = row.grant_state;
  if (g?.withdrawnAt)
    ends.push([
      new Date(g.withdrawnAt),
      basis ? HandoverAccessEnd.BASIS_REVOKED : HandoverAccessEnd.CONSENT_WITHDRAWN,
    ]);
  if (g?.expired && g.validUntil)
    ends.push([
      new Date(g.validUntil),
      basis ? HandoverAccessEnd.BASIS_EXPIRED : HandoverAccessEnd.CONSENT_EXPIRED,
    ]);
  if (!ends.length) return none;
  ends.sort((a, b) => a[0].getTime() - b[0].getTime());
  return { accessEndedAt: ends[0][0], accessEndReason: ends[0][1] };
}

export interface NewHandover {
  /** A handover on a legal basis: hidden from the receiver until a second case worker approved it. */
  awaitingApproval?: boolean;
  caseId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  consentId: string;
  categories: string[];
  message: string | null;
  requestedBy: string;
  /** Only the demo seeder stores a handover that is accepted already. */
  acceptedBy?: string;
}

/** Data access for handovers. */
@Injectable()
export class HandoverRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(db: Db, id: string): Promise<HandoverModel | null> {
    const rows: any[] = await db.query(`${SELECT} WHERE h.id = $1`, [id]);
    return rows.length ? toHandover(rows[0]) : null;
  }

  /** The requested or accepted handovers under a consent: the parties its withdrawal concerns. */
  async openOfConsent(
    db: Db,
    consentId: string,
  ): Promise<Pick<HandoverRecord, 'id' | 'caseId' | 'fromOrganisationId' | 'toOrganisationId'>[]> {
    const rows: any[] = await db.query(
      `SELECT id, case_id, from_organisation_id, to_organisation_id FROM handovers
        WHERE consent_id = $1 AND status IN ('REQUESTED', 'ACCEPTED')`,
      [consentId],
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      fromOrganisationId: r.from_organisation_id,
      toOrganisationId: r.to_organisation_id,
    }));
  }

  async ofCase(db: Db, caseId: string): Promise<HandoverModel[]> {
    const rows: any[] = await db.query(`${SELECT} WHERE h.case_id = $1 ORDER BY h.requested_at, h.id`, [
      caseId,
    ]);
    return rows.map(toHandover);
  }

  /** The handovers among `ids` sent or received by the organisation. */
  async findVisible(ids: readonly string[], organisationId: string): Promise<HandoverModel[]> {
    const rows: any[] = await this.dataSource.query(
      `${SELECT} WHERE h.id = ANY($1::uuid[]) AND ${SENT_OR_RECEIVED_BY_$2}`,
      [[...ids], organisationId],
    );
    return rows.map(toHandover);
  }

  /** The handovers of the cases `caseIds` sent or received by the organisation, oldest first. */
  async visibleOfCases(caseIds: readonly string[], organisationId: string): Promise<HandoverModel[]> {
    const rows: any[] = await this.dataSource.query(
      `${SELECT} WHERE h.case_id = ANY($1::uuid[]) AND ${SENT_OR_RECEIVED_BY_$2}
        ORDER BY h.requested_at, h.id`,
      [[...caseIds], organisationId],
    );
    return rows.map(toHandover);
  }

  /**
   * The organisation's handovers, oldest first: received (handovers_to_idx), sent (handovers_from_idx)
   * or both, each direction an indexed query of its own.
   */
  async list(
    organisationId: string,
    direction: 'incoming' | 'outgoing' | 'both',
    status: readonly string[] | null,
  ): Promise<HandoverModel[]> {
    const statusFilter = status?.length ? 'AND h.status = ANY($2::text[])' : '';
    const incoming = `${SELECT} WHERE h.to_organisation_id = $1 AND NOT h.awaiting_approval ${statusFilter}`;
    const outgoing = `${SELECT} WHERE h.from_organisation_id = $1 ${statusFilter}`;
    const union =
      direction === 'incoming'
        ? incoming
        : direction === 'outgoing'
          ? outgoing
          : `${incoming} UNION ALL ${outgoing}`;
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM (${union}) v ORDER BY v.requested_at, v.id`,
      status?.length ? [organisationId, status] : [organisationId],
    );
    return rows.map(toHandover);
  }

  /** Locks a handover sent or received by the organisation; null when there is none. */
  async lockVisible(em: EntityManager, id: string, organisationId: string): Promise<HandoverRecord | null> {
    const rows: any[] = await em.query(
      `SELECT h.id, h.case_id, h.from_organisation_id, h.to_organisation_id, h.consent_id, h.categories, h.status,
              h.requested_by, h.awaiting_approval
         FROM handovers h WHERE h.id = $1 AND ${SENT_OR_RECEIVED_BY_$2} FOR NO KEY UPDATE`,
      [id, organisationId],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      id: r.id,
      caseId: r.case_id,
      fromOrganisationId: r.from_organisation_id,
      toOrganisationId: r.to_organisation_id,
      consentId: r.consent_id,
      categories: r.categories,
      status: r.status,
      requestedBy: r.requested_by,
      awaitingApproval: r.awaiting_approval,
    };
  }

  async insert(em: EntityManager, h: NewHandover): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO handovers (case_id, from_organisation_id, to_organisation_id, consent_id, categories, message, requested_by,
              status, responded_by, responded_at, awaiting_approval)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7,
               CASE WHEN $8::uuid IS NULL THEN 'REQUESTED' ELSE 'ACCEPTED' END, $8, CASE WHEN $8::uuid IS NULL THEN NULL ELSE now() END, $9)
       RETURNING id`,
      [
        h.caseId,
        h.fromOrganisationId,
        h.toOrganisationId,
        h.consentId,
        h.categories,
        h.message,
        h.requestedBy,
        h.acceptedBy ?? null,
        h.awaitingApproval ?? false,
      ],
    );
    return row.id;
  }

  async accept(em: EntityManager, id: string, by: string): Promise<void> {
    await em.query(
      `UPDATE handovers SET status = 'ACCEPTED', responded_by = $2, responded_at = now() WHERE id = $1`,
      [id, by],
    );
  }

  async decline(em: EntityManager, id: string, by: string, reason: string): Promise<void> {
    await em.query(
      `UPDATE handovers SET status = 'DECLINED', responded_by = $2, responded_at = now(), decline_reason = $3 WHERE id = $1`,
      [id, by, reason],
    );
  }

  /** clock_timestamp(): after the lock, so later than every disclosure under the handover. */
  async cancel(em: EntityManager, id: string, by: string, reason: string | null): Promise<void> {
    await em.query(
      `UPDATE handovers SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = clock_timestamp(), cancel_reason = $3 WHERE id = $1`,
      [id, by, reason],
    );
  }

  async complete(em: EntityManager, id: string, by: string, outcome: string): Promise<void> {
    await em.query(
      `UPDATE handovers SET status = 'COMPLETED', outcome = $2, completed_by = $3 WHERE id = $1`,
      [id, outcome, by],
    );
  }

  /** The second case worker approved its legal basis: the receiving organisation sees it from now on. */
  async releaseAfterApproval(em: EntityManager, id: string): Promise<void> {
    await em.query('UPDATE handovers SET awaiting_approval = false WHERE id = $1', [id]);
  }

  /** The handovers (at most one) that wait for the approval of this legal basis. */
  async awaitingApprovalOf(em: EntityManager, consentId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      'SELECT id FROM handovers WHERE consent_id = $1 AND awaiting_approval',
      [consentId],
    );
    return rows.map((r) => r.id);
  }

  /** Art. 17: free texts go, open handovers end (CANCELLED). */
  async endForErasure(em: EntityManager, caseId: string): Promise<void> {
    await em.query(
      `UPDATE handovers SET message = NULL, decline_reason = NULL, outcome = NULL, cancel_reason = NULL,
              cancelled_at = CASE WHEN status IN ('REQUESTED', 'ACCEPTED') THEN now() ELSE cancelled_at END,
              status = CASE WHEN status IN ('REQUESTED', 'ACCEPTED') THEN 'CANCELLED' ELSE status END
        WHERE case_id = $1`,
      [caseId],
    );
  }
}
