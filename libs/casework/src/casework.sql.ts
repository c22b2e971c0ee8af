import { type Actor, Role } from '../../core/src/index.js';
import {
  ALL_CATEGORIES,
  type CaseStatus,
  type ConsentForm,
  type ConsentStatus,
  type DataCategory,
  type HandoverStatus,
  type SupportArea,
} from './casework.enums.js';
import type { CaseModel, ConsentModel, DisclosureModel, HandoverModel } from './casework.models.js';

/** Cases are seen by CASE_WORKERs only (of any alliance), never by other roles, the platform administrator included. */
export function isCaseWorker(actor: Actor | undefined | null): actor is Actor {
  return !!actor && [...actor.roles.values()].some((roles) => roles.includes(Role.CASE_WORKER));
}

export function sortCategories(categories: Iterable<string>): DataCategory[] {
  const set = new Set(categories);
  return ALL_CATEGORIES.filter((c) => set.has(c));
}

export const CASE_COLUMNS = `c.id, c.reference, c.owner_organisation_id, c.case_worker_id, c.status, c.support_areas, c.opened_at, c.closed_at, c.opened_at::text AS opened_key`;

/** The shell of a case is visible to its owner and to every organisation that has or had a handover of it. */
export function caseVisible(org: string): string {
  return `(c.owner_organisation_id = ${org} OR EXISTS (SELECT 1 FROM handovers hv WHERE hv.case_id = c.id AND hv.to_organisation_id = ${org}))`;
}

export function toCase(row: any, actor: Actor): CaseModel & { openedKey: string } {
  return {
    id: row.id,
    reference: row.reference,
    ownerOrganisationId: row.owner_organisation_id,
    caseWorkerId: row.case_worker_id,
    status: row.status as CaseStatus,
    supportAreasStored: row.support_areas as SupportArea[],
    openedAt: new Date(row.opened_at),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    viewerIsOwner: isCaseWorker(actor) && row.owner_organisation_id === actor.organisationId,
    openedKey: row.opened_key,
  };
}

/** A consent is active now: not withdrawn, validFrom ≤ now < validUntil. Evaluated by the database. */
export const CONSENT_ACTIVE = `(k.withdrawn_at IS NULL AND k.valid_from <= now() AND (k.valid_until IS NULL OR now() < k.valid_until))`;

export const CONSENT_SELECT = `SELECT k.*,
  CASE WHEN k.withdrawn_at IS NOT NULL THEN 'WITHDRAWN' WHEN k.valid_until IS NOT NULL AND k.valid_until <= now() THEN 'EXPIRED' ELSE 'ACTIVE' END AS computed_status
  FROM consents k JOIN cases c ON c.id = k.case_id`;

/** Owner: every consent of the case; a receiving organisation: the consents of its own handovers. */
export function consentVisible(org: string): string {
  return `(c.owner_organisation_id = ${org} OR EXISTS (SELECT 1 FROM handovers hv WHERE hv.consent_id = k.id AND hv.to_organisation_id = ${org}))`;
}

export function toConsent(row: any): ConsentModel {
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
  };
}

/** Invariant 2 for one handover: accepted, its consent active now and still naming the recipient and categories. */
export const HANDOVER_ACCESS_ACTIVE = `(h.status = 'ACCEPTED' AND c.status <> 'ERASED' AND ${CONSENT_ACTIVE}
  AND h.to_organisation_id = ANY(k.recipient_ids) AND h.categories <@ k.categories)`;

export const HANDOVER_SELECT = `SELECT h.*, ${HANDOVER_ACCESS_ACTIVE} AS access_active
  FROM handovers h JOIN consents k ON k.id = h.consent_id JOIN cases c ON c.id = h.case_id`;

/** Handovers are seen by the sending and the receiving organisation. */
export function handoverVisible(org: string): string {
  return `(h.from_organisation_id = ${org} OR h.to_organisation_id = ${org})`;
}

export function toHandover(row: any): HandoverModel {
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
  };
}

export function toDisclosure(row: any): DisclosureModel & { atKey: string } {
  return {
    id: row.id,
    caseId: row.case_id,
    readerId: row.reader_id,
    organisationId: row.organisation_id,
    categories: sortCategories(row.categories),
    handoverId: row.handover_id,
    consentId: row.consent_id,
    at: new Date(row.at),
    atKey: row.at_key,
  };
}

/**
 * Invariant 2, in the database: the categories that organisation `org` may read of the cases `ids`
 * as a non-owner right now, each with the accepted handover and the active consent that grant it
 * (the most recently accepted one where several do).
 */
export function grantedCategoriesSql(ids: string, org: string): string {
  return `SELECT DISTINCT ON (h.case_id, cat.category) h.case_id, cat.category, h.id AS handover_id, h.consent_id
    FROM handovers h
    JOIN consents k ON k.id = h.consent_id AND k.case_id = h.case_id
    JOIN cases c ON c.id = h.case_id
    CROSS JOIN LATERAL unnest(h.categories) AS cat(category)
    WHERE h.case_id = ANY(${ids}) AND h.to_organisation_id = ${org} AND h.status = 'ACCEPTED'
      AND c.status <> 'ERASED' AND c.owner_organisation_id <> ${org}
      AND ${CONSENT_ACTIVE} AND ${org} = ANY(k.recipient_ids) AND cat.category = ANY(k.categories)
    ORDER BY h.case_id, cat.category, h.responded_at DESC, h.id`;
}
