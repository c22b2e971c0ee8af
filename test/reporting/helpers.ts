import type pg from 'pg';
import type { BuiltAlliance } from '../utils/builders.js';
import { anAlliance } from '../utils/builders.js';
import type { TestApp } from '../utils/test-app.js';

/** kim (city integration management) and jc (Jobcenter) own cases, aa receives; one user per role. */
export function aReportAlliance(t: TestApp): Promise<BuiltAlliance> {
  return anAlliance(t, {
    partners: {
      kim: { shortName: 'KIM' },
      jc: { kind: 'JOBCENTER', shortName: 'JC' },
      aa: { kind: 'EMPLOYMENT_AGENCY', shortName: 'AA' },
    },
    users: {
      coord: { org: 'kim', roles: ['COORDINATOR'] },
      admin: { org: 'kim', roles: ['ALLIANCE_ADMIN'] },
      kim: { org: 'kim', roles: ['CASE_WORKER'] },
      jc: { org: 'jc', roles: ['CASE_WORKER'] },
      member: { org: 'jc', roles: ['MEMBER'] },
      observer: { org: 'aa', roles: ['OBSERVER'] },
      fac: { org: 'aa', roles: ['FACILITATOR'] },
    },
  });
}

let number = 0;

/**
 * Pseudonymous case facts at given instants (the API stamps "now"; a report on past quarters needs
 * past ones): a case shell, no personal data.
 */
export async function aCaseAt(
  db: pg.Pool,
  org: string,
  areas: string[],
  at: { opened: string; closed?: string; erased?: string },
): Promise<string> {
  number++;
  const status = at.erased ? 'ERASED' : at.closed ? 'CLOSED' : 'OPEN';
  const { rows } = await db.query(
    `INSERT INTO cases (owner_organisation_id, year, number, reference, status, support_areas, opened_at, closed_at, erased_at)
     VALUES ($1, 2025, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [org, number, `T-${number}`, status, areas, at.opened, at.closed ?? at.erased ?? null, at.erased ?? null],
  );
  return rows[0].id;
}

export async function aConsentAt(
  db: pg.Pool,
  caseId: string,
  by: string,
  recipients: string[],
  c: { form: string; language: string; interpreter: boolean; recorded: string; withdrawn?: string },
): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, informed_in_language, interpreter_used,
                           valid_from, recorded_by, recorded_at, withdrawn_at, withdrawn_by)
     VALUES ($1, $2, '{IDENTITY}', 'Vermittlung', $3, $4, $5, $6, $7, $6, $8, CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE $7::uuid END)
     RETURNING id`,
    [caseId, recipients, c.form, c.language, c.interpreter, c.recorded, by, c.withdrawn ?? null],
  );
  return rows[0].id;
}

export async function aHandoverAt(
  db: pg.Pool,
  h: {
    caseId: string;
    from: string;
    to: string;
    consentId: string;
    by: string;
    requested: string;
    status: string;
    responded?: string;
    completed?: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO handovers (case_id, from_organisation_id, to_organisation_id, consent_id, categories, status,
                            requested_by, requested_at, responded_by, responded_at, completed_at)
     VALUES ($1, $2, $3, $4, '{IDENTITY}', $5, $6, $7, CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE $6::uuid END, $8, $9)`,
    [
      h.caseId,
      h.from,
      h.to,
      h.consentId,
      h.status,
      h.by,
      h.requested,
      h.responded ?? null,
      h.completed ?? null,
    ],
  );
}

export const CELL = 'value suppressed display';
export const FIGURES = `label from to
  cases { area opened { ${CELL} } closed { ${CELL} } erased { ${CELL} } }
  handovers { fromOrganisationId fromOrganisationName toOrganisationId toOrganisationName
    requested { ${CELL} } accepted { ${CELL} } declined { ${CELL} } completed { ${CELL} } medianHoursToAccept }
  consentsByForm { form recorded { ${CELL} } withdrawn { ${CELL} } }
  consentsByLanguage { language recorded { ${CELL} } }
  consentsByInterpreter { interpreterUsed recorded { ${CELL} } }`;
export const STATISTICS = `suppressed minimumCount organisationId unpublishedQuarters
  quarters { ${FIGURES} } total { ${FIGURES} }`;

export const REPORT = `query($a: ID!, $from: Date!, $to: Date!) {
  allianceReport(allianceId: $a, from: $from, to: $to) {
    allianceId allianceName from to
    goals { goalId title status indicators { indicatorId name unit baseline target latestValue progress measurements { observedOn value } } }
    tasksByPartner { partnerId organisationName shortName asLead { created done overdue cancelled } asContributor { created done overdue cancelled } }
    tasksByGoal { goalId goalTitle counts { created done overdue cancelled } }
    taskTotals { created done overdue cancelled }
    meetings { meetingId title kind status startsAt invitedPartners presentPartners quorumReached }
    attendance { partnerId organisationName invited present rate }
    decisions { decisionId number title outcome followUpTasks { title status dueOn } }
    casework { ${STATISTICS} }
    ownOrganisationCasework { ${STATISTICS} }
  }
}`;
