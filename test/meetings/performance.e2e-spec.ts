import type { BuiltAlliance } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, meetingWith } from './fixtures.js';

const QUERY = `query($id: ID!) { meeting(id: $id) {
  id title status quorate alliance { name } facilitator { displayName } invitedPartners { organisation { name } }
  agenda { position title presenter { id } decisions { number } }
  attendance { status partner { organisation { name } } attendees { displayName } }
  decisions { number outcome recordedBy { id } agendaItem { position } followUpTasks { title leadPartner { id organisation { name } } } amendedBy { number } amends { number } }
  minutes { status approvedBy { id } }
} }`;

describe('meetings: statements per query do not grow with list sizes', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let b: BuiltAlliance;
  let small: string;
  let large: string;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aMeetingAlliance(t);
    b = await aMeetingAlliance(t);
    small = await meetingWith(t, a, 2);
    large = await meetingWith(t, b, 20);
  });
  afterAll(() => t.close());

  it('a meeting costs the same number of SQL statements for 2 and for 20 decisions', async () => {
    await t.gql(QUERY, { id: small }, a.users.member.token); // warm-up (first request per process)
    const token = a.users.member.token;
    const tokenB = b.users.member.token;

    // The meeting page's required query: each relation loads through exactly one loader, so the count is exact.
    const SHAPE =
      'query($id: ID!) { meeting(id: $id) { agenda { decisions { id } } attendance { partner { organisation { name } } attendees { id } } decisions { followUpTasks { leadPartner { id } } amendedBy { id } } } }';
    const s2 = await t.gql(SHAPE, { id: small }, token);
    const s20 = await t.gql(SHAPE, { id: large }, tokenB);
    expect(s2.errors).toBeUndefined();
    if (process.env.DEBUG_STATEMENTS)
      console.log(
        [...s2.sql, '-----', ...s20.sql].map((q) => q.replace(/\s+/g, ' ').slice(0, 200)).join('\n'),
      );
    expect(s20.data.meeting.decisions).toHaveLength(20);
    expect(s20.data.meeting.decisions.flatMap((d: any) => d.followUpTasks)).toHaveLength(40);
    expect(s20.data.meeting.decisions.filter((d: any) => d.amendedBy.length)).toHaveLength(10);
    expect(s20.data.meeting.attendance.flatMap((x: any) => x.attendees)).toHaveLength(5);
    // 9 statements (was 12): partners bring their organisations, an agenda item's decisions come from
    // the meeting's, a task's lead partner from its own column. The follow-up tasks' lead partners
    // join the attendance partners' DataLoader batch when their statement returns first: 9 or 10.
    for (const r of [s2, s20]) expect(r.statements).toBeLessThanOrEqual(10);

    // Everything a meeting page shows: bounded too. Partners reached on several paths (presenter,
    // attendance, invited, lead partner) batch per DataLoader tick, so the count may vary by one or two
    // with timing, never with the number of decisions.
    const r2 = await t.gql(QUERY, { id: small }, token);
    const log2 = r2.sql.map((q) => q.slice(0, 90));
    const r20 = await t.gql(QUERY, { id: large }, tokenB);
    const log20 = r20.sql.map((q) => q.slice(0, 90));
    if (process.env.DEBUG_STATEMENTS) console.log(log2.join('\n') + '\n-----\n' + log20.join('\n'));
    expect(r2.errors).toBeUndefined();
    expect(r20.errors).toBeUndefined();
    expect(r20.data.meeting.decisions).toHaveLength(20);
    expect(r2.statements).toBeLessThanOrEqual(18);
    expect(r20.statements).toBeLessThanOrEqual(18);
    process.stdout.write(
      `meeting query statements (2/20 decisions): required shape ${s2.statements}/${s20.statements}, full page ${r2.statements}/${r20.statements}\n`,
    );
  });

  it('lists (meetings, decisions) cost the same for 3 and for 30 decisions', async () => {
    // a: one approved meeting (2 decisions) + the later one with its amendment; b: 20 + 10 amendments.
    const LIST = `query($a: ID!) { meetings(allianceId: $a) { title quorate facilitator { id } invitedPartners { id } agenda { title } attendance { status attendees { id } } decisions { number } minutes { status } } }`;
    const DECISIONS = `query($a: ID!) { decisions(allianceId: $a, first: 50) { totalCount edges { node { number meeting { title } agendaItem { title } followUpTasks { title } amends { number } amendedBy { number } recordedBy { displayName } } } } }`;
    const la = await t.gql(LIST, { a: a.allianceId }, a.users.member.token);
    const lb = await t.gql(LIST, { a: b.allianceId }, b.users.member.token);
    expect(la.errors).toBeUndefined();
    expect([la.data.meetings.length, lb.data.meetings.length]).toEqual([2, 2]);
    expect(lb.statements).toBe(la.statements);
    const da = await t.gql(DECISIONS, { a: a.allianceId }, a.users.member.token);
    const db = await t.gql(DECISIONS, { a: b.allianceId }, b.users.member.token);
    expect([da.data.decisions.totalCount, db.data.decisions.totalCount]).toEqual([3, 30]);
    expect(db.statements).toBe(da.statements);
    process.stdout.write(
      `list statements: meetings ${la.statements}/${lb.statements}, decisions(first: 50) ${da.statements}/${db.statements} (3/30 decisions)\n`,
    );
  });
});
