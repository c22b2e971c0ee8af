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

/**
 * Casework facts in 2025 (every quarter has ended), described in casework-statistics.e2e-spec.ts;
 * returns kim's seven LANGUAGE cases of the first quarter.
 */
export async function caseworkIn2025(t: TestApp, a: BuiltAlliance): Promise<string[]> {
  const kimLanguage: string[] = [];
  const { kim, jc, aa } = a.orgs;
  const db = t.db;
  // Q1: seven LANGUAGE cases of kim (five closed in February, erased in May), one HEALTH case opened on
  // the quarter's last day (the person a naive table would single out), six EMPLOYMENT+LANGUAGE of jc.
  for (let i = 0; i < 7; i++)
    kimLanguage.push(
      await aCaseAt(db, kim, ['LANGUAGE'], {
        opened: `2025-01-${10 + i}T10:00:00+01:00`,
        ...(i < 5 ? { closed: '2025-02-20T10:00:00+01:00', erased: '2025-05-05T10:00:00+02:00' } : {}),
      }),
    );
  await aCaseAt(db, kim, ['HEALTH'], { opened: '2025-03-31T12:00:00+02:00' });
  for (let i = 0; i < 6; i++)
    await aCaseAt(db, jc, ['EMPLOYMENT', 'LANGUAGE'], { opened: `2025-02-0${i + 1}T10:00:00+01:00` });
  // Q2: five LANGUAGE of kim, three LANGUAGE and two LANGUAGE+HOUSING of jc.
  for (let i = 0; i < 5; i++)
    await aCaseAt(db, kim, ['LANGUAGE'], { opened: `2025-04-1${i}T10:00:00+02:00` });
  for (let i = 0; i < 5; i++)
    await aCaseAt(db, jc, i < 3 ? ['LANGUAGE'] : ['LANGUAGE', 'HOUSING'], {
      opened: `2025-05-1${i}T10:00:00+02:00`,
    });
  // Q3: six LANGUAGE of kim and one of jc: kim could subtract its own six from a total of seven.
  for (let i = 0; i < 6; i++)
    await aCaseAt(db, kim, ['LANGUAGE'], { opened: `2025-07-1${i}T10:00:00+02:00` });
  await aCaseAt(db, jc, ['LANGUAGE'], { opened: '2025-08-01T10:00:00+02:00' });

  // Consents on kim's seven LANGUAGE cases: 6 written, 1 oral; 4 Arabic, 3 Ukrainian; 2 with an interpreter.
  const consents: string[] = [];
  for (let i = 0; i < 7; i++)
    consents.push(
      await aConsentAt(db, kimLanguage[i], a.users.kim.id, [jc, aa], {
        form: i === 6 ? 'ORAL_DOCUMENTED' : 'WRITTEN',
        language: i < 4 ? 'ar' : 'uk',
        interpreter: i < 2,
        recorded: `2025-01-${17 + i}T09:00:00+01:00`,
        ...(i === 0 ? { withdrawn: '2025-03-15T09:00:00+01:00' } : {}),
      }),
    );
  // Handovers: kim→jc five accepted after 10, 20, 30, 40, 50 hours and one declined; kim→aa one accepted after 5 hours, completed.
  for (let i = 0; i < 5; i++)
    await aHandoverAt(db, {
      caseId: kimLanguage[i],
      from: kim,
      to: jc,
      consentId: consents[i],
      by: a.users.kim.id,
      requested: '2025-01-27T08:00:00+01:00',
      status: 'ACCEPTED',
      responded: new Date(Date.parse('2025-01-27T08:00:00+01:00') + (i + 1) * 10 * 3_600_000).toISOString(),
    });
  await aHandoverAt(db, {
    caseId: kimLanguage[5],
    from: kim,
    to: jc,
    consentId: consents[5],
    by: a.users.kim.id,
    requested: '2025-01-28T08:00:00+01:00',
    status: 'DECLINED',
    responded: '2025-01-29T08:00:00+01:00',
  });
  await aHandoverAt(db, {
    caseId: kimLanguage[6],
    from: kim,
    to: aa,
    consentId: consents[6],
    by: a.users.kim.id,
    requested: '2025-02-01T10:00:00+01:00',
    status: 'COMPLETED',
    responded: '2025-02-01T15:00:00+01:00',
    completed: '2025-02-10T10:00:00+01:00',
  });
  return kimLanguage;
}
