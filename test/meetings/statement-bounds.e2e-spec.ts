import { aMember, type BuiltAlliance } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, run, schedule } from './fixtures.js';

const ATTEND =
  'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status partner { id organisation { id } } attendees { id } } }';

/** Statement bounds of two requests whose work could grow with their input: they must not. */
describe('meetings: statements of attendance and the calendar feed', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aMeetingAlliance(t);
  });
  afterAll(() => t.close());

  it('recordAttendance costs the same number of statements for 1 and for 8 attendees', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 7; i++) extra.push((await aMember(t, a.allianceId, a.orgs.a, ['MEMBER'])).id);
    const counts: number[] = [];
    for (const attendeeIds of [[a.users.member.id], [a.users.member.id, ...extra]]) {
      const m = await schedule(t, a);
      await run(t, a.users.fac.token, 'startMeeting', m.id);
      const res = await t.gql(
        ATTEND,
        { i: { meetingId: m.id, partnerId: a.partners.a, status: 'PRESENT', attendeeIds } },
        a.users.fac.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.recordAttendance.attendees).toHaveLength(attendeeIds.length);
      counts.push(res.statements);
    }
    console.log(`recordAttendance statements: ${counts[0]} for 1 attendee, ${counts[1]} for 8`);
    expect(counts[1]).toBe(counts[0]);
    // The counts when these bounds were set (transaction, checks, upsert, audit, the answer's relations).
    expect(counts[1]).toBeLessThanOrEqual(14);
  });

  it('the calendar feed costs the same number of statements for 2 and for 12 meetings', async () => {
    const counts: number[] = [];
    for (const n of [2, 12]) {
      const b = await aMeetingAlliance(t);
      for (let i = 0; i < n; i++) await schedule(t, b, { title: `Sitzung ${i}` });
      const rotated = await t.gql('mutation { rotateCalendarFeed { url } }', {}, b.users.member.token);
      expect(rotated.errors).toBeUndefined();
      const feed = await t.get(new URL(rotated.data.rotateCalendarFeed.url).pathname);
      expect(feed.status).toBe(200);
      expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(n);
      counts.push(feed.statements);
    }
    console.log(`calendar feed statements: ${counts[0]} for 2 meetings, ${counts[1]} for 12`);
    expect(counts[1]).toBe(counts[0]);
    // Constant in the number of meetings; the agenda in the events' descriptions added one statement
    // for all meetings together.
    expect(counts[1]).toBeLessThanOrEqual(5);
  });
});
