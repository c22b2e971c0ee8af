import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { aCoordinationAlliance, createGoal, createTask } from '../coordination/helpers.js';
import { aMeetingAlliance, decide, run, schedule } from '../meetings/fixtures.js';
import { casework, fullCaseInput, openCase, recordConsent, REQUEST_HANDOVER } from '../casework/helpers.js';

const VERIFY = '{ verifyAuditChain { valid entriesChecked firstBrokenSequence } }';

/** Ids canonical at the edge, control characters and bad variables refused. */
describe('integrity: canonical ids and input refused at the edge', () => {
  let t: TestApp;
  let admin: string;
  let c: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    c = await aCoordinationAlliance(t);
  });
  afterAll(() => t.close());

  async function chainValid() {
    return (await t.gql(VERIFY, {}, admin)).data.verifyAuditChain;
  }
  async function count(table: string): Promise<number> {
    return (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
  }

  it('updateGoal with an upper-case id keeps the audit chain valid and records the stored id', async () => {
    const goal = await createGoal(t, c.users.coord.token, { allianceId: c.allianceId, title: 'Ziel' });
    const res = await t.gql(
      'mutation($id: ID!) { updateGoal(id: $id, input: { description: "x" }) { id description } }',
      { id: goal.id.toUpperCase() },
      c.users.coord.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateGoal).toEqual({ id: goal.id, description: 'x' });
    // The same through a literal in the document.
    const literal = await t.gql(
      `mutation { updateGoal(id: "${goal.id.toUpperCase()}", input: { description: "y" }) { id } }`,
      {},
      c.users.coord.token,
    );
    expect(literal.data.updateGoal.id).toBe(goal.id);
    const ids = (await t.db.query('SELECT entity_id FROM audit_entries WHERE entity_id = $1', [goal.id]))
      .rows;
    expect(ids.length).toBe(3);
    expect((await chainValid()).valid).toBe(true);
  });

  it('createTask with an upper-case allianceId creates the task in that alliance', async () => {
    const task = await createTask(t, c.users.coord.token, {
      allianceId: c.allianceId.toUpperCase(),
      title: 'Aufgabe',
      leadPartnerId: c.partners.jc.toUpperCase(),
    });
    expect(task.leadPartner.id).toBe(c.partners.jc);
    const row = (await t.db.query('SELECT alliance_id FROM tasks WHERE id = $1', [task.id])).rows[0];
    expect(row.alliance_id).toBe(c.allianceId);
    expect((await chainValid()).valid).toBe(true);
  });

  it('approveMinutes and updateMeeting(facilitatorId) with upper-case ids answer in full and keep the chain valid', async () => {
    const m = await aMeetingAlliance(t);
    const meeting = await schedule(t, m);
    const updated = await t.gql(
      'mutation($id: ID!, $f: ID!) { updateMeeting(id: $id, input: { facilitatorId: $f }) { id facilitator { id } } }',
      { id: meeting.id.toUpperCase(), f: m.users.fac2.id.toUpperCase() },
      m.users.coord.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateMeeting).toEqual({ id: meeting.id, facilitator: { id: m.users.fac2.id } });
    const stored = (await t.db.query('SELECT facilitator_id FROM meetings WHERE id = $1', [meeting.id]))
      .rows[0];
    expect(stored.facilitator_id).toBe(m.users.fac2.id);

    const fac = m.users.fac2.token;
    await run(t, fac, 'startMeeting', meeting.id.toUpperCase());
    await decide(t, fac, meeting.id.toUpperCase());
    await run(t, fac, 'adjournMeeting', meeting.id);
    await expectData(
      t,
      'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Protokoll") { status } }',
      { m: meeting.id.toUpperCase() },
      fac,
    );
    const approved = await t.gql(
      'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }',
      { m: meeting.id.toUpperCase() },
      fac,
    );
    expect(approved.errors).toBeUndefined();
    expect(await chainValid()).toEqual(expect.objectContaining({ valid: true, firstBrokenSequence: null }));
  });

  it('requestHandover with an upper-case toOrganisationId honours the consent that names it', async () => {
    const a = await casework(t);
    const kase = await openCase(
      t,
      a.users.kim.token,
      fullCaseInput({ givenName: 'Amal', familyName: 'Test' }),
    );
    const consentId = await recordConsent(t, a.users.kim.token, {
      caseId: kase.id,
      recipientIds: [a.orgs.jc.toUpperCase()],
      categories: ['IDENTITY'],
    });
    const res = await t.gql(
      REQUEST_HANDOVER,
      {
        i: {
          caseId: kase.id.toUpperCase(),
          toOrganisationId: a.orgs.jc.toUpperCase(),
          consentId: consentId.toUpperCase(),
          categories: ['IDENTITY'],
        },
      },
      a.users.kim.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.requestHandover.status).toBe('REQUESTED');
    expect((await chainValid()).valid).toBe(true);
  });

  it('refuses NUL and other control characters in text with BAD_USER_INPUT and the field path, writing nothing', async () => {
    const task = await createTask(t, c.users.coord.token, {
      allianceId: c.allianceId,
      title: 'Kommentare',
      leadPartnerId: c.partners.city,
    });
    const before = [await count('task_comments'), await count('audit_entries')];
    const variable = await t.gql(
      'mutation($t: ID!, $b: String!) { commentOnTask(taskId: $t, body: $b) { id } }',
      { t: task.id, b: 'a\u0000b' },
      c.users.coord.token,
    );
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(variable.status).toBe(400);
    expect(variable.errors![0].extensions!.fields).toEqual([
      { path: 'body', message: expect.any(String), rule: 'INVALID_VALUE' },
    ]);
    const literal = await t.gql(
      `mutation { commentOnTask(taskId: "${task.id}", body: "bell \\u0007") { id } }`,
      {},
      c.users.coord.token,
    );
    expect(literal.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'body', message: expect.any(String), rule: 'INVALID_VALUE' }],
    });
    const nested = await t.gql(
      'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
      { i: { allianceId: c.allianceId, title: 'x\u001b[31m', leadPartnerId: c.partners.city } },
      c.users.coord.token,
    );
    expect(nested.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.title']);
    expect([await count('task_comments'), await count('audit_entries')]).toEqual(before);
    // Tabs and line breaks are text.
    const fine = await t.gql(
      'mutation($t: ID!, $b: String!) { commentOnTask(taskId: $t, body: $b) { id } }',
      { t: task.id, b: 'Zeile 1\r\n\tZeile 2' },
      c.users.coord.token,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('more than 50 invalid list values answer BAD_USER_INPUT listing the first 50', async () => {
    const res = await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      {
        i: {
          allianceId: c.allianceId,
          userId: c.users.member.id,
          roles: Array.from({ length: 60 }, () => 'NOT_A_ROLE'),
        },
      },
      admin,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors![0].extensions!.fields!;
    expect(fields).toHaveLength(50);
    expect(fields[0].path).toBe('input.roles.0');
    expect(fields[49].path).toBe('input.roles.49');
  });

  it('DateTime accepts ISO-8601 strings only', async () => {
    const m = await aMeetingAlliance(t);
    const before = await count('meetings');
    for (const startsAt of [123, '123', '2026-05-04', '2026-02-30T10:00:00Z', '2026-05-04T25:00:00Z', true]) {
      const res = await t.gql(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            allianceId: m.allianceId,
            title: 'T',
            kind: 'STEERING_GROUP',
            startsAt,
            endsAt: '2026-05-04T12:00:00Z',
            facilitatorId: m.users.fac.id,
            invitedPartnerIds: [m.partners.a],
          },
        },
        m.users.coord.token,
      );
      expect([startsAt, codes(res)]).toEqual([startsAt, ['BAD_USER_INPUT']]);
      expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.startsAt']);
    }
    const literal = await t.gql(
      `query { meetings(allianceId: "${m.allianceId}", from: 123) { id } }`,
      {},
      m.users.coord.token,
    );
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(literal.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['from']);
    expect(await count('meetings')).toBe(before);
    const ok = await t.gql(
      'query($a: ID!, $f: DateTime) { meetings(allianceId: $a, from: $f) { id } }',
      { a: m.allianceId, f: '2026-05-04T09:30:00+02:00' },
      m.users.coord.token,
    );
    expect(ok.errors).toBeUndefined();
  });
});
