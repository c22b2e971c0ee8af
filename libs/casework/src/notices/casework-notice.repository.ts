import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CONSENT_ACTIVE } from '../consent.repository.js';

/** A handover whose receiving organisation had access through a consent that ended. */
export interface EndedAccess {
  handoverId: string;
  caseId: string;
  reference: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  consentId: string;
}

const ENDED = `SELECT h.id AS "handoverId", h.case_id AS "caseId", c.reference, h.from_organisation_id AS "fromOrganisationId",
    h.to_organisation_id AS "toOrganisationId", h.consent_id AS "consentId"
  FROM handovers h JOIN consents k ON k.id = h.consent_id JOIN cases c ON c.id = h.case_id
 WHERE h.status = 'ACCEPTED' AND c.status <> 'ERASED'
   AND h.to_organisation_id = ANY(k.recipient_ids) AND h.categories <@ k.categories`;

/** What the casework notifications read: references, and the accesses a consent's end closes. */
@Injectable()
export class CaseworkNoticeRepository {
  async reference(
    em: EntityManager,
    caseId: string,
  ): Promise<{ reference: string; caseWorkerId: string | null } | null> {
    const rows = await em.query(
      `SELECT reference, case_worker_id AS "caseWorkerId" FROM cases WHERE id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** Accepted handovers that see the case through the consent while it is still active (before its withdrawal). */
  activeUnder(em: EntityManager, consentId: string): Promise<EndedAccess[]> {
    return em.query(`${ENDED} AND h.consent_id = $1 AND ${CONSENT_ACTIVE}`, [consentId]);
  }

  /** Accepted handovers whose consent (not withdrawn) expired in the window [from, to). */
  expiredBetween(em: EntityManager, from: Date, to: Date): Promise<EndedAccess[]> {
    return em.query(
      `${ENDED} AND k.withdrawn_at IS NULL AND k.valid_until >= $1 AND k.valid_until < $2 ORDER BY k.valid_until, h.id`,
      [from, to],
    );
  }
}
