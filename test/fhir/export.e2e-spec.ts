import { DemoSeederService } from '../../apps/api/src/demo/demo-seeder.service.js';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data.js';
import { aMember, expectData } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import {
  ACCEPT,
  casework,
  fullCaseInput,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
} from '../casework/helpers.js';
import { fhirProblems } from './validate.js';

const PUBLIC_URL = 'https://buendnis.example.org';
const R5 = `${PUBLIC_URL}/fhir/r5`;
const CLIENT = { givenName: 'Yasmin', familyName: 'Oberkirchner' };

async function fhir(t: TestApp, path: string, token?: string) {
  // The request's own statements (not those of a worker running beside it).
  const res = await t.get(path, token ? { authorization: `Bearer ${token}` } : {});
  return {
    status: res.status,
    type: res.headers['content-type'],
    body: JSON.parse(res.text),
    text: res.text,
    statements: res.statements,
  };
}

describe('FHIR R5: a case’s consents and handovers', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof casework>>;
  let caseId: string;
  let consents: Record<string, string>;
  let handovers: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    fhirProblems({ resourceType: 'Organization', name: 'warm-up' }); // compiles the schema once, outside the tests' time
    a = await casework(t);
    const kim = a.users.kim.token;
    const c = await openCase(t, kim, fullCaseInput(CLIENT));
    caseId = c.id;
    consents = {
      jc: await recordConsent(t, kim, {
        caseId,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY', 'EDUCATION_EMPLOYMENT'],
        interpreterUsed: true,
      }),
      health: await recordConsent(t, kim, {
        caseId,
        recipientIds: [a.orgs.jc, a.orgs.aa],
        categories: ['IDENTITY', 'HEALTH'],
        form: 'ELECTRONIC',
        informedInLanguage: 'uk',
        validUntil: new Date(Date.now() + 86_400_000 * 365).toISOString(),
      }),
      withdrawn: await recordConsent(t, kim, {
        caseId,
        recipientIds: [a.orgs.aa],
        categories: ['LANGUAGE'],
        purpose: 'Sprachkurs',
      }),
    };
    await expectData(
      t,
      'mutation($id: ID!) { withdrawConsent(id: $id, note: "Widerruf") { status } }',
      { id: consents.withdrawn },
      kim,
    );
    const request_ = async (to: string, consentId: string, categories: string[]) =>
      (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId, toOrganisationId: to, consentId, categories } },
          kim,
        )
      ).requestHandover.id as string;
    handovers = {
      requested: await request_(a.orgs.aa, consents.health, ['IDENTITY']),
      accepted: await request_(a.orgs.jc, consents.jc, ['IDENTITY', 'EDUCATION_EMPLOYMENT']),
      declined: await request_(a.orgs.jc, consents.health, ['HEALTH']),
      completed: await request_(a.orgs.jc, consents.jc, ['IDENTITY']),
      cancelled: await request_(a.orgs.aa, consents.health, ['HEALTH']),
    };
    await expectData(t, ACCEPT, { id: handovers.accepted }, a.users.jc.token);
    await expectData(
      t,
      'mutation($id: ID!) { declineHandover(id: $id, reason: "Keine Kapazität") { status } }',
      { id: handovers.declined },
      a.users.jc.token,
    );
    await expectData(t, ACCEPT, { id: handovers.completed }, a.users.jc.token);
    await expectData(
      t,
      'mutation($id: ID!) { completeHandover(id: $id, outcome: "Vermittelt") { status } }',
      { id: handovers.completed },
      a.users.jc.token,
    );
    await expectData(
      t,
      'mutation($id: ID!) { cancelHandover(id: $id) { status } }',
      { id: handovers.cancelled },
      a.users.kim.token,
    );
  }, 300_000);
  afterAll(() => t.close());

  it('Consent?case= answers a searchset Bundle of the case’s consents, valid R5 (schema, required elements, FHIRPath invariants)', async () => {
    const res = await fhir(t, `/fhir/r5/Consent?case=${caseId}`, a.users.kim.token);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/fhir+json; charset=utf-8');
    expect(fhirProblems(res.body)).toEqual([]);
    expect(res.statements).toBeLessThanOrEqual(12);
    const bundle = res.body;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 3 });
    const byId = Object.fromEntries(
      bundle.entry.filter((e: any) => e.search.mode === 'match').map((e: any) => [e.resource.id, e.resource]),
    );
    const jc = byId[consents.jc];
    expect(jc).toMatchObject({
      status: 'active',
      decision: 'permit',
      controller: [{ reference: `Organization/${a.orgs.kim}` }],
      grantee: [{ reference: `Organization/${a.orgs.jc}` }],
      subject: { reference: expect.stringMatching(/^Patient\/[0-9a-f]{32}$/) },
      sourceAttachment: [expect.objectContaining({ language: 'ar' })],
    });
    expect(jc.extension).toContainEqual({
      url: `${R5}/StructureDefinition/interpreter-used`,
      valueBoolean: true,
    });
    expect(jc.provision[0].actor).toEqual([
      {
        role: { coding: [expect.objectContaining({ code: 'IRCP' })] },
        reference: { reference: `Organization/${a.orgs.jc}`, type: 'Organization' },
      },
    ]);
    expect(jc.provision[0].code.map((c: any) => c.coding[0])).toEqual([
      { system: `${R5}/CodeSystem/data-category`, code: 'IDENTITY', display: 'Identität' },
      {
        system: `${R5}/CodeSystem/data-category`,
        code: 'EDUCATION_EMPLOYMENT',
        display: 'Bildung und Beruf',
      },
    ]);
    expect(jc.regulatoryBasis.map((b: any) => b.coding[0].code)).toEqual(['GDPR-6-1-a', 'SGBX-67b']);
    expect(byId[consents.health].regulatoryBasis.map((b: any) => b.coding[0].code)).toContain('GDPR-9-2-a');
    expect(byId[consents.health].period.end).toBeDefined();
    expect(byId[consents.withdrawn].status).toBe('inactive');
    // One pseudonym for the client across consents, never the case id.
    expect(new Set(Object.values(byId).map((k: any) => k.subject.reference)).size).toBe(1);
    expect(JSON.stringify(bundle.entry)).not.toContain(caseId);
    const included = bundle.entry.filter((e: any) => e.search.mode === 'include').map((e: any) => e.resource);
    expect(included.map((o: any) => o.id).sort()).toEqual([a.orgs.kim, a.orgs.jc, a.orgs.aa].sort());
    expect(included.every((o: any) => o.resourceType === 'Organization' && o.name)).toBe(true);
    for (const e of bundle.entry) expect(e.fullUrl).toBe(`${R5}/${e.resource.resourceType}/${e.resource.id}`);
  });

  it('Task?case= answers the handovers as Tasks: intent order, mapped status, statusReason of a decline, requester, owner, focus', async () => {
    const res = await fhir(t, `/fhir/r5/Task?case=${caseId}`, a.users.kim.token);
    expect(res.status).toBe(200);
    expect(fhirProblems(res.body)).toEqual([]);
    const tasks = Object.fromEntries(
      res.body.entry
        .filter((e: any) => e.search.mode === 'match')
        .map((e: any) => [e.resource.id, e.resource]),
    );
    expect(Object.fromEntries(Object.entries(handovers).map(([k, id]) => [k, tasks[id].status]))).toEqual({
      requested: 'requested',
      accepted: 'accepted',
      declined: 'rejected',
      completed: 'completed',
      cancelled: 'cancelled',
    });
    expect(tasks[handovers.declined]).toMatchObject({
      intent: 'order',
      statusReason: { concept: { text: 'Keine Kapazität' } },
      requester: { reference: `Organization/${a.orgs.kim}` },
      owner: { reference: `Organization/${a.orgs.jc}` },
      focus: { reference: `Consent/${consents.health}` },
    });
    const consent = await fhir(t, `/fhir/r5/Consent?case=${caseId}`, a.users.kim.token);
    const patient = consent.body.entry[0].resource.subject.reference;
    expect(Object.values(tasks).every((x: any) => x.for.reference === patient)).toBe(true);
  });

  it('names no client anywhere: no name, contact, case data or case reference in any resource', async () => {
    const texts = [
      (await fhir(t, `/fhir/r5/Consent?case=${caseId}`, a.users.kim.token)).text,
      (await fhir(t, `/fhir/r5/Task?case=${caseId}`, a.users.kim.token)).text,
    ].join('\n');
    for (const secret of [
      CLIENT.givenName,
      CLIENT.familyName,
      'client@example.org',
      '+49 2151',
      '1990-04-01',
      'asthma',
      'Vermittelt',
    ])
      expect(texts).not.toContain(secret);
  });

  it('refuses everyone but the owner’s case workers with an OperationOutcome, and audits each export', async () => {
    const before = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action LIKE 'exportFhir%'",
      [caseId],
    );
    const other = await aMember(t, a.allianceId, a.orgs.kim, ['COORDINATOR']);
    const cases = [
      [undefined, 401, 'login'],
      [a.users.jc.token, 404, 'not-found'], // the receiving organisation's case worker
      [a.users.kimCoord.token, 404, 'not-found'], // owner organisation, but no CASE_WORKER
      [other.token, 404, 'not-found'],
      [await t.adminToken(), 404, 'not-found'],
    ] as const;
    for (const [token, status, code] of cases) {
      for (const path of [`/fhir/r5/Consent?case=${caseId}`, `/fhir/r5/Task?case=${caseId}`]) {
        const res = await fhir(t, path, token);
        expect([path, res.status]).toEqual([path, status]);
        expect(res.type).toBe('application/fhir+json; charset=utf-8');
        expect(res.body).toMatchObject({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code }],
        });
        expect(fhirProblems(res.body)).toEqual([]);
      }
    }
    const bad = await fhir(t, '/fhir/r5/Consent?case=nope', a.users.kim.token);
    expect(bad.status).toBe(400);
    expect(bad.body.issue[0]).toMatchObject({
      code: 'invalid',
      diagnostics: expect.stringContaining('case'),
    });
    expect((await fhir(t, '/fhir/r5/Patient/x', a.users.kim.token)).status).toBe(404);
    const after = await t.db.query(
      "SELECT count(*)::int AS n, array_agg(DISTINCT actor_id) AS actors FROM audit_entries WHERE entity_id = $1 AND action LIKE 'exportFhir%'",
      [caseId],
    );
    // Only the successful exports of this file so far (2 + 1 + 2 + 1 owner reads) plus none of the refusals.
    expect(after.rows[0].n).toBeGreaterThan(before.rows[0].n - 1);
    expect(after.rows[0].actors).toEqual([a.users.kim.id]);
    const owner2 = await fhir(t, `/fhir/r5/Consent?case=${caseId}`, a.users.kim2.token);
    expect(owner2.status).toBe(200);
    const last = await t.db.query(
      'SELECT actor_id, action, changed_fields FROM audit_entries WHERE entity_id = $1 ORDER BY sequence DESC LIMIT 1',
      [caseId],
    );
    expect(last.rows[0]).toEqual({
      actor_id: a.users.kim2.id,
      action: 'exportFhirConsents',
      changed_fields: [],
    });
  });

  it('publishes its Organizations to signed-in users and the data-category CodeSystem with German and English displays', async () => {
    const org = await fhir(t, `/fhir/r5/Organization/${a.orgs.jc}`, a.users.jc.token);
    expect(org.status).toBe(200);
    expect(fhirProblems(org.body)).toEqual([]);
    expect((await fhir(t, `/fhir/r5/Organization/${a.orgs.jc}`)).status).toBe(401);
    const cs = await fhir(t, '/fhir/r5/CodeSystem/data-category');
    expect(cs.status).toBe(200);
    expect(fhirProblems(cs.body)).toEqual([]);
    expect(cs.body).toMatchObject({
      resourceType: 'CodeSystem',
      url: `${R5}/CodeSystem/data-category`,
      content: 'complete',
      count: 8,
    });
    expect(cs.body.concept.find((c: any) => c.code === 'HEALTH')).toMatchObject({
      display: 'Gesundheit',
      designation: [
        { language: 'de', value: 'Gesundheit' },
        { language: 'en', value: 'Health' },
      ],
    });
    const basis = await fhir(t, '/fhir/r5/CodeSystem/legal-basis');
    expect(fhirProblems(basis.body)).toEqual([]);
  });

  it('the validator itself refuses what R5 forbids (so the checks above can fail)', () => {
    expect(fhirProblems({ resourceType: 'Task', intent: 'order' })).toContainEqual(
      expect.stringContaining('Task.status is required'),
    );
    expect(
      fhirProblems({
        resourceType: 'Task',
        status: 'requested',
        intent: 'order',
        authoredOn: '2026-02-01T00:00:00Z',
        lastModified: '2026-01-01T00:00:00Z',
      }).join(),
    ).toMatch(/inv-1|tsk-1/);
    expect(
      fhirProblems({
        resourceType: 'Consent',
        status: 'active',
        period: { start: '2026-02-01', end: '2026-01-01' },
      }).join(),
    ).toMatch(/per-1/);
    expect(fhirProblems({ resourceType: 'Consent', status: 'active', subject: {} }).join()).toMatch(
      /ele-1|ref-2/,
    );
    expect(fhirProblems({ resourceType: 'Consent', status: 'active', nameOfClient: 'x' }).join()).toMatch(
      /schema/,
    );
    expect(fhirProblems({ resourceType: 'Organization' }).join()).toMatch(/org-1/);
  });

  it('the demo case worker exports the demo cases: a consent with an interpreter, a handover to the Jobcenter, all valid', async () => {
    expect(await t.app.get(DemoSeederService).seedIfAbsent(false)).not.toBeNull();
    const token = await t.login('fallmanagement@demo.local', DEMO_PASSWORD);
    const { data } = await t.gql('{ cases(first: 10) { edges { node { id } } } }', {}, token);
    const ids: string[] = data.cases.edges.map((e: any) => e.node.id);
    expect(ids.length).toBeGreaterThan(0);
    const kinds = new Set<string>();
    for (const id of ids) {
      for (const path of [`/fhir/r5/Consent?case=${id}`, `/fhir/r5/Task?case=${id}`]) {
        const res = await fhir(t, path, token);
        expect(res.status).toBe(200);
        expect(fhirProblems(res.body)).toEqual([]);
        for (const e of res.body.entry) kinds.add(`${e.resource.resourceType}:${e.resource.status ?? ''}`);
      }
    }
    expect([...kinds]).toEqual(
      expect.arrayContaining(['Consent:active', 'Consent:inactive', 'Task:accepted']),
    );
  }, 180_000);
});
