import { CONSENT_ACTIVE } from '../consent.repository.js';
import type { EntityManager } from 'typeorm';

/** What the FHIR export reads of one case: no personal data of the client, only the consent record. */
export interface FhirCaseRow {
  id: string;
  owner_organisation_id: string;
}

export interface FhirConsentRow {
  id: string;
  recipient_ids: string[];
  categories: string[];
  purpose: string;
  form: string;
  legal_basis: string | null;
  informed_in_language: string;
  interpreter_used: boolean;
  valid_from: Date;
  valid_until: Date | null;
  recorded_at: Date;
  withdrawn_at: Date | null;
  active: boolean;
}

export interface FhirHandoverRow {
  id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  consent_id: string;
  categories: string[];
  status: string;
  requested_at: Date;
  responded_at: Date | null;
  cancelled_at: Date | null;
  decline_reason: string | null;
}

export interface FhirOrganisationRow {
  id: string;
  name: string;
  short_name: string | null;
  kind: string;
}

export const FhirRepository = {
  /** The case if it belongs to the organisation, else null (a case of another owner stays invisible). */
  async ownedCase(em: EntityManager, caseId: string, organisationId: string): Promise<FhirCaseRow | null> {
    const rows = await em.query(
      'SELECT id, owner_organisation_id FROM cases WHERE id = $1 AND owner_organisation_id = $2',
      [caseId, organisationId],
    );
    return rows[0] ?? null;
  },

  /** The case's consents; `active` as invariant 2 evaluates it, now, in the database. */
  consents(em: EntityManager, caseId: string): Promise<FhirConsentRow[]> {
    return em.query(
      `SELECT k.id, k.recipient_ids, k.categories, k.purpose, k.form, k.informed_in_language, k.interpreter_used,
              k.valid_from, k.valid_until, k.recorded_at, k.withdrawn_at, k.legal_basis, ${CONSENT_ACTIVE} AS active
         FROM consents k WHERE k.case_id = $1 ORDER BY k.recorded_at, k.id`,
      [caseId],
    );
  },

  handovers(em: EntityManager, caseId: string): Promise<FhirHandoverRow[]> {
    return em.query(
      `SELECT h.id, h.from_organisation_id, h.to_organisation_id, h.consent_id, h.categories, h.status,
              h.requested_at, h.responded_at, h.cancelled_at, h.decline_reason
         FROM handovers h WHERE h.case_id = $1 ORDER BY h.requested_at, h.id`,
      [caseId],
    );
  },

  organisations(em: EntityManager, ids: string[]): Promise<FhirOrganisationRow[]> {
    return em.query(
      'SELECT id, name, short_name, kind FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name, id',
      [ids],
    );
  },
};
