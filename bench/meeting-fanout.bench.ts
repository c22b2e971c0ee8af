/**
 * Meeting invitation fan-out: the scheduling request with 5 and with 2,000 recipients (latency and
 * SQL statements), and the background fan-out of one invitation to 2,000 members (notifications,
 * outbox mails with the iCalendar part) until no notice is pending.
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/meeting-fanout.bench.ts'
 *   (BENCH_ROUNDS=10 by default; DATABASE_URL=… for the machine's PostgreSQL)
 */
import { loadavg } from 'node:os';
import { MeetingNoticesService } from '../libs/meetings/src/index.js';
import { anAlliance } from '../test/utils/builders.js';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const MEMBERS = 2_000;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];

async function allianceWith(t: TestApp, members: number) {
  const b = await anAlliance(t, {
    partners: { big: {}, chair: {} },
    users: { coord: { org: 'chair', roles: ['COORDINATOR'] }, fac: { org: 'chair', roles: ['FACILITATOR'] } },
  });
  await t.db.query(
    `WITH u AS (
       INSERT INTO users (email, display_name, organisation_id, password_hash)
       SELECT 'm' || i || '-' || $3 || '@bench.local', 'Mitglied ' || i, $2, 'x' FROM generate_series(1, $4) i
       RETURNING id)
     INSERT INTO memberships (alliance_id, user_id, roles) SELECT $1, id, ARRAY['MEMBER'] FROM u`,
    [b.allianceId, b.orgs.big, b.allianceId.slice(0, 8), members],
  );
  await t.db.query('ANALYZE users; ANALYZE memberships');
  return b;
}

describe('bench: meeting invitation fan-out', () => {
  it(`scheduling with 5 and ${MEMBERS} recipients; fan-out of ${MEMBERS}`, async () => {
    const t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600' });
    const notices = t.app.get(MeetingNoticesService);
    const caughtUp = async () => {
      while ((await notices.pending()) > 0) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      const results: Record<string, { ms: number[]; statements: number[] }> = {};
      let day = 1;
      for (const members of [5, MEMBERS]) {
        const b = await allianceWith(t, members);
        const r = (results[members] = { ms: [] as number[], statements: [] as number[] });
        for (let i = 0; i < ROUNDS; i++) {
          const start = performance.now();
          const res = await t.gql(
            `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`,
            {
              i: {
                allianceId: b.allianceId,
                title: `Plenum ${i}`,
                kind: 'PLENARY',
                startsAt: new Date(Date.UTC(2027, 0, day, 9)).toISOString(),
                endsAt: new Date(Date.UTC(2027, 0, day++, 11)).toISOString(),
                facilitatorId: b.users.fac.id,
                invitedPartnerIds: [b.partners.big, b.partners.chair],
              },
            },
            b.users.coord.token,
          );
          r.ms.push(performance.now() - start);
          r.statements.push(res.statements);
          expect(res.errors).toBeUndefined();
          // Measured one at a time: the next request does not compete with this one's fan-out.
          await caughtUp();
        }
      }
      // One invitation to MEMBERS people, timed from the request to the last notification written.
      const b = await allianceWith(t, MEMBERS);
      const since = new Date();
      const start = performance.now();
      const res = await t.gql(
        `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`,
        {
          i: {
            allianceId: b.allianceId,
            title: 'Großes Plenum',
            kind: 'PLENARY',
            startsAt: '2027-03-01T09:00:00Z',
            endsAt: '2027-03-01T11:00:00Z',
            facilitatorId: b.users.fac.id,
            invitedPartnerIds: [b.partners.big, b.partners.chair],
          },
        },
        b.users.coord.token,
      );
      const requestMs = performance.now() - start;
      await caughtUp();
      const fanOutMs = performance.now() - start;
      const {
        rows: [{ notifications, mails }],
      } = await t.db.query(
        `SELECT (SELECT count(*)::int FROM notifications WHERE object_id = $1) AS notifications,
                (SELECT count(*)::int FROM mail_outbox WHERE created_at >= $2 AND template = 'notification:MEETING_INVITATION') AS mails`,
        [res.data.scheduleMeeting.id, since],
      );
      expect(notifications).toBe(MEMBERS + 1);
      const fmt = (members: number) =>
        `${members} recipients: median ${median(results[members].ms).toFixed(1)} ms, statements ${[
          ...new Set(results[members].statements),
        ].join('/')}`;
      console.log(
        [
          `scheduleMeeting (${ROUNDS} rounds each, one at a time) — load average ${load()}`,
          `  ${fmt(5)}`,
          `  ${fmt(MEMBERS)}`,
          `fan-out of one invitation to ${MEMBERS + 1} people: request ${requestMs.toFixed(0)} ms, ` +
            `all notifications written after ${fanOutMs.toFixed(0)} ms (${notifications} notifications, ${mails} mails with the iCalendar part in the outbox)`,
        ].join('\n'),
      );
    } finally {
      await t.close();
    }
  }, 600_000);
});
