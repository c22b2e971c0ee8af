import { legalBasis } from '../statutory/legal-bases.js';
import { codeSystemUrl, display } from './fhir.code-systems.js';
import type { FhirConsentRow, FhirHandoverRow, FhirOrganisationRow } from './fhir.repository.js';

export type Resource = Record<string, unknown> & { resourceType: string; id?: string };

const V3_PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
const V3_ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const CONSENT_ACTION = 'http://terminology.hl7.org/CodeSystem/consentaction';
const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const ORG_TYPE = 'http://terminology.hl7.org/CodeSystem/organization-type';

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string) => iso(d).slice(0, 10);

const FORM_DE: Record<string, string> = {
  WRITTEN: 'schriftlich',
  ELECTRONIC: 'elektronisch',
  ORAL_DOCUMENTED: 'mündlich, dokumentiert',
};

/** Handover status → FHIR Task.status. */
export const TASK_STATUS: Record<string, string> = {
  REQUESTED: 'requested',
  ACCEPTED: 'accepted',
  DECLINED: 'rejected',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
};

const ORG_KIND: Record<string, { code: string; display: string }> = {
  CITY_DEPARTMENT: { code: 'govt', display: 'Government' },
  JOBCENTER: { code: 'govt', display: 'Government' },
  EMPLOYMENT_AGENCY: { code: 'govt', display: 'Government' },
  UNIVERSITY: { code: 'edu', display: 'Educational Institute' },
  WELFARE_ASSOCIATION: { code: 'cg', display: 'Community Group' },
  MIGRANT_ORGANISATION: { code: 'cg', display: 'Community Group' },
  EMPLOYER: { code: 'bus', display: 'Non-Healthcare Business or Corporation' },
  EMPLOYER_ASSOCIATION: { code: 'bus', display: 'Non-Healthcare Business or Corporation' },
  OTHER: { code: 'other', display: 'Other' },
};

/**
 * FHIR R5 resources from casework rows. The client is only ever `Patient/{pseudonym}`; no name,
 * contact or other case data is read or written here.
 */
export class FhirMapper {
  constructor(readonly base: string) {}

  private org = (id: string) => ({ reference: `Organization/${id}`, type: 'Organization' });
  private category = (code: string) => ({
    coding: [
      { system: codeSystemUrl(this.base, 'data-category'), code, display: display('data-category', code) },
    ],
  });
  private basis = (code: string) => ({
    coding: [
      { system: codeSystemUrl(this.base, 'legal-basis'), code, display: display('legal-basis', code) },
    ],
  });

  consent(k: FhirConsentRow, ownerId: string, patient: string): Resource {
    const ended = k.withdrawn_at ?? k.valid_until;
    const period = { start: iso(k.valid_from), ...(ended ? { end: iso(ended) } : {}) };
    const health = k.categories.includes('HEALTH');
    const statute = legalBasis(k.legal_basis);
    return {
      resourceType: 'Consent',
      id: k.id,
      extension: [
        { url: `${this.base}/StructureDefinition/consent-form`, valueCode: k.form },
        { url: `${this.base}/StructureDefinition/interpreter-used`, valueBoolean: k.interpreter_used },
      ],
      status: k.active ? 'active' : 'inactive',
      category: [
        { coding: [{ system: CONSENT_SCOPE, code: 'patient-privacy', display: 'Privacy Consent' }] },
      ],
      subject: { reference: `Patient/${patient}`, type: 'Patient' },
      date: day(k.recorded_at),
      period,
      grantee: k.recipient_ids.map(this.org),
      controller: [this.org(ownerId)],
      sourceAttachment: [
        {
          language: k.informed_in_language,
          title: `${statute ? `Übermittlung ohne Einwilligung nach ${statute.citation}, informiert` : `Einwilligung (${FORM_DE[k.form] ?? k.form}), aufgeklärt`} in der Sprache „${k.informed_in_language}“${k.interpreter_used ? ' mit Hilfe einer Dolmetscherin oder eines Dolmetschers' : ''}: ${k.purpose}`,
          creation: iso(k.recorded_at),
        },
      ],
      regulatoryBasis: statute
        ? [{ text: statute.citation }]
        : [this.basis('GDPR-6-1-a'), ...(health ? [this.basis('GDPR-9-2-a')] : []), this.basis('SGBX-67b')],
      decision: 'permit',
      provision: [
        {
          period,
          actor: k.recipient_ids.map((id) => ({
            role: { coding: [{ system: V3_PARTICIPATION, code: 'IRCP', display: 'information recipient' }] },
            reference: this.org(id),
          })),
          action: [{ coding: [{ system: CONSENT_ACTION, code: 'disclose', display: 'Disclose' }] }],
          purpose: [{ system: V3_ACT_REASON, code: 'COC', display: 'coordination of care' }],
          code: k.categories.map(this.category),
        },
      ],
    };
  }

  task(h: FhirHandoverRow, patient: string): Resource {
    const lastModified = [h.responded_at, h.cancelled_at, h.requested_at]
      .filter((d): d is Date => !!d)
      .reduce((a, b) => (new Date(b) > new Date(a) ? b : a));
    return {
      resourceType: 'Task',
      id: h.id,
      status: TASK_STATUS[h.status],
      ...(h.status === 'DECLINED'
        ? { statusReason: { concept: { text: h.decline_reason ?? 'abgelehnt' } } }
        : {}),
      intent: 'order',
      code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
      description: 'Übergabe eines Falls im Rahmen der Einwilligung (case handover within the consent)',
      focus: { reference: `Consent/${h.consent_id}`, type: 'Consent' },
      for: { reference: `Patient/${patient}`, type: 'Patient' },
      authoredOn: iso(h.requested_at),
      lastModified: iso(lastModified),
      requester: this.org(h.from_organisation_id),
      owner: this.org(h.to_organisation_id),
      input: h.categories.map((c) => ({
        type: { text: 'Datenkategorie (data category)' },
        valueCodeableConcept: this.category(c),
      })),
    };
  }

  organization(o: FhirOrganisationRow): Resource {
    const kind = ORG_KIND[o.kind] ?? ORG_KIND.OTHER;
    return {
      resourceType: 'Organization',
      id: o.id,
      active: true,
      type: [{ coding: [{ system: ORG_TYPE, ...kind }], text: o.kind }],
      name: o.name,
      ...(o.short_name ? { alias: [o.short_name] } : {}),
    };
  }

  /** A searchset: the matches, then the organisations they reference as includes. */
  searchset(self: string, matches: Resource[], includes: Resource[]): Resource {
    const entry = (r: Resource, mode: 'match' | 'include') => ({
      fullUrl: `${this.base}/${r.resourceType}/${r.id}`,
      resource: r,
      search: { mode },
    });
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      timestamp: new Date().toISOString(),
      total: matches.length,
      link: [{ relation: 'self', url: self }],
      entry: [...matches.map((r) => entry(r, 'match')), ...includes.map((r) => entry(r, 'include'))],
    };
  }
}
