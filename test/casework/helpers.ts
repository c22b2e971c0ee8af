import { anAlliance, expectData, type BuiltAlliance } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

export const CASE_FIELDS = `id reference status supportAreas openedAt closedAt visibleCategories owner { id }
  identity { givenName familyName dateOfBirth } contact { phone email address } language { germanLevel otherLanguages note }
  residence { status permitValidUntil note } educationEmployment { qualifications recognitionStatus jobWishes note }
  housing { situation note } family { householdSize childrenCount note } health { note }`;

export const OPEN_CASE = `mutation($i: OpenCaseInput!) { openCase(input: $i) { id reference status } }`;
export const RECORD_CONSENT = `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id status categories } }`;
export const REQUEST_HANDOVER = `mutation($i: RequestHandoverInput!) { requestHandover(input: $i) { id status accessActive } }`;
export const ACCEPT = `mutation($id: ID!) { acceptHandover(id: $id) { id status accessActive } }`;

export const CONSENT_FIELDS = `id case { id } recipients { id } categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status recordedBy { id } recordedAt withdrawnAt withdrawalNote`;
export const RECORD = `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { ${CONSENT_FIELDS} } }`;
export const HANDOVER_FIELDS = `id case { id } from { id } to { id } consent { id } categories message status requestedBy { id } requestedAt respondedBy { id } respondedAt declineReason outcome accessActive`;

export async function rows(t: TestApp, table: string, caseId: string): Promise<number> {
  return (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).rows[0].n;
}
export async function auditCount(t: TestApp): Promise<number> {
  return (await t.db.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n;
}

/**
 * Two agencies in one alliance (city integration management "kim" owns cases, Jobcenter "jc" receives),
 * a third "aa" that is a partner too, and people with various roles.
 */
export async function casework(t: TestApp): Promise<BuiltAlliance> {
  return anAlliance(t, {
    partners: {
      kim: { shortName: 'KR' },
      jc: { kind: 'JOBCENTER', shortName: 'JC' },
      aa: { kind: 'EMPLOYMENT_AGENCY', shortName: 'AA' },
    },
    users: {
      kim: { org: 'kim', roles: ['CASE_WORKER'] },
      kim2: { org: 'kim', roles: ['CASE_WORKER'] },
      kimCoord: { org: 'kim', roles: ['COORDINATOR', 'ALLIANCE_ADMIN', 'MEMBER'] },
      jc: { org: 'jc', roles: ['CASE_WORKER'] },
      jcMember: { org: 'jc', roles: ['MEMBER', 'COORDINATOR'] },
      aa: { org: 'aa', roles: ['CASE_WORKER'] },
    },
  });
}

/**
 * The set-up every casework spec shares: a fresh app with the casework alliance before the file's
 * tests, closed after them. `use` receives both (assign them to the spec's `t` and `a`).
 */
export function withCaseworkApp(use: (t: TestApp, a: BuiltAlliance) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    use(app, await casework(app));
  });
  afterAll(() => app?.close());
}

export interface Client {
  givenName: string;
  familyName: string;
}

export function fullCaseInput(client: Client, extra: Record<string, unknown> = {}) {
  return {
    supportAreas: ['EMPLOYMENT', 'LANGUAGE'],
    identity: { ...client, dateOfBirth: '1990-04-01' },
    contact: {
      phone: '+49 2151 000000',
      email: 'client@example.org',
      address: `${client.familyName}straße 1, Krefeld`,
    },
    language: {
      germanLevel: 'A2',
      otherLanguages: ['ar', 'en'],
      note: `${client.givenName} attends an integration course`,
    },
    residence: { status: 'Aufenthaltserlaubnis §25', permitValidUntil: '2027-03-31' },
    educationEmployment: {
      qualifications: ['Electrician (SY)'],
      recognitionStatus: 'pending',
      jobWishes: ['Electrician'],
    },
    housing: { situation: 'shared accommodation' },
    family: { householdSize: 3, childrenCount: 1 },
    health: { note: `${client.givenName} ${client.familyName}: asthma` },
    ...extra,
  };
}

export async function openCase(
  t: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<{ id: string; reference: string }> {
  return (await expectData(t, OPEN_CASE, { i: input }, token)).openCase;
}

export async function recordConsent(
  t: TestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  return (
    await expectData(
      t,
      RECORD_CONSENT,
      { i: { purpose: 'Placement into employment', form: 'WRITTEN', informedInLanguage: 'ar', ...input } },
      token,
    )
  ).recordConsent.id;
}

/** A case of kim handed over (accepted) to jc for the given categories. */
export async function handedOver(
  t: TestApp,
  a: BuiltAlliance,
  client: Client,
  categories = ['IDENTITY', 'LANGUAGE', 'EDUCATION_EMPLOYMENT'],
) {
  const c = await openCase(t, a.users.kim.token, fullCaseInput(client));
  const consentId = await recordConsent(t, a.users.kim.token, {
    caseId: c.id,
    recipientIds: [a.orgs.jc],
    categories,
  });
  const h = (
    await expectData(
      t,
      REQUEST_HANDOVER,
      { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories } },
      a.users.kim.token,
    )
  ).requestHandover;
  await expectData(t, ACCEPT, { id: h.id }, a.users.jc.token);
  return { caseId: c.id, reference: c.reference, consentId, handoverId: h.id };
}

export { expectData };
