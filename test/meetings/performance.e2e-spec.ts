import { QueryCounter } from '../../libs/core/src/index.js';
import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, run, schedule } from './fixtures.js';

const QUERY = `query($id: ID!) { meeting(id: $id) {
  id title status quorate alliance { name } facilitator { displayName } invitedPartners { organisation { name } }
  agenda { position title presenter { id } decisions { number } }
  attendance { status partner { organisation { name } } attendees { displayName } }
  decisions { number outcome recordedBy { id } agendaItem { position } followUpTasks { title leadPartner { id organisation { name } } } amendedBy { number } amends { number } }
  minutes { status approvedBy { id } }
} }`;

/** A held, approved meeting with `n` decisions (each with two follow-up tasks and an agenda item), half of them amended later. */
async function meetingWith(t: TestApp, a: BuiltAlliance, n: number): Promise<string> {
  const fac = a.users.fac.token;
  const m = await schedule(t, a);
  await run(t, fac, 'startMeeting', m.id);
  for (const [key, attendees] of [['a', [a.users.coord.id, a.users.member.id]], ['b', [a.users.fac.id, a.users.memberB.id]], ['c', [a.users.fac2.id]]] as const) {
    await expectData(t, 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }', { i: { meetingId: m.id, partnerId: a.partners[key], status: 'PRESENT', attendeeIds: attendees } }, fac);
  }
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = await expectData(t, 'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', { i: { meetingId: m.id, title: `TOP ${i}`, presenterPartnerId: a.partners.c } }, fac);
    const d = await expectData(
      t,
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }',
      {
        i: {
          meetingId: m.id,
          agendaItemId: item.addAgendaItem.id,
          title: `Beschluss ${i}`,
          text: 'Text',
          outcome: 'ADOPTED',
          votesFor: 5,
          followUpTasks: [
            { title: `Aufgabe ${i}a`, leadPartnerId: a.partners.a },
            { title: `Aufgabe ${i}b`, leadPartnerId: a.partners.b },
          ],
        },
      },
      fac,
    );
    ids.push(d.recordDecision.id);
  }
  await run(t, fac, 'adjournMeeting', m.id);
  await expectData(t, 'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Protokoll") { status } }', { m: m.id }, fac);
  await expectData(t, 'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac);
  const later = await schedule(t, a);
  await run(t, fac, 'startMeeting', later.id);
  for (const id of ids.filter((_, i) => i % 2 === 0)) {
    await expectData(t, 'mutation($i: AmendDecisionInput!) { amendDecision(input: $i) { id } }', { i: { amendsId: id, meetingId: later.id, title: 'Änderung', text: 'T', outcome: 'ADOPTED', consensus: true } }, fac);
  }
  return m.id;
}

describe('meetings: statements per meeting query do not grow with the number of decisions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('costs the same number of SQL statements for 2 and for 20 decisions', async () => {
    const a = await aMeetingAlliance(t);
    const small = await meetingWith(t, a, 2);
    const large = await meetingWith(t, a, 20);
    const token = a.users.member.token;
    await t.gql(QUERY, { id: small }, token); // warm-up (first request per process)

    // The query: each relation loads through exactly one loader, so the count is exact.
    const SHAPE = 'query($id: ID!) { meeting(id: $id) { agenda { decisions { id } } attendance { partner { organisation { name } } attendees { id } } decisions { followUpTasks { leadPartner { id } } amendedBy { id } } } }';
    const s2 = await t.gql(SHAPE, { id: small }, token);
    const s20 = await t.gql(SHAPE, { id: large }, token);
    expect(s2.errors).toBeUndefined();
    expect(s20.data.meeting.decisions).toHaveLength(20);
    expect(s20.data.meeting.decisions.flatMap((d: any) => d.followUpTasks)).toHaveLength(40);
    expect(s20.data.meeting.decisions.filter((d: any) => d.amendedBy.length)).toHaveLength(10);
    expect(s20.data.meeting.attendance.flatMap((x: any) => x.attendees)).toHaveLength(5);
    expect(s20.statements).toBe(s2.statements);
    expect(s20.statements).toBe(12);

    // Everything a meeting page shows: bounded too. Partners reached on several paths (presenter,
    // attendance, invited, lead partner) batch per DataLoader tick, so the count may vary by one or two
    // with timing, never with the number of decisions.
    QueryCounter.recording = true;
    QueryCounter.log = [];
    const r2 = await t.gql(QUERY, { id: small }, token);
    const log2 = QueryCounter.log.map((q) => q.slice(0, 90));
    QueryCounter.log = [];
    const r20 = await t.gql(QUERY, { id: large }, token);
    const log20 = QueryCounter.log.map((q) => q.slice(0, 90));
    QueryCounter.recording = false;
    if (process.env.DEBUG_STATEMENTS) console.log(log2.join('\n') + '\n-----\n' + log20.join('\n'));
    expect(r2.errors).toBeUndefined();
    expect(r20.errors).toBeUndefined();
    expect(r20.data.meeting.decisions).toHaveLength(20);
    expect(r2.statements).toBeLessThanOrEqual(20);
    expect(r20.statements).toBeLessThanOrEqual(20);
    process.stdout.write(`meeting query statements (2/20 decisions): issue shape ${s2.statements}/${s20.statements}, full page ${r2.statements}/${r20.statements}\n`);
  });
});
