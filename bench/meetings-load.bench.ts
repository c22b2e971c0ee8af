/**
 * Meetings benchmark: the meeting page query (20 decisions with follow-up tasks, amendments,
 * attendance) under load, and recordDecision under concurrent load on one alliance (every request
 * takes the alliance's decision counter row and the audit chain lock), then checks the numbers are
 * gap-free and unique.
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/meetings-*.bench.ts'
 *   (BENCH_SECONDS=10 BENCH_CONNECTIONS=10 by default; DATABASE_URL=… for the machine's PostgreSQL)
 */
import { loadavg } from 'node:os';
import { todayInBerlin } from '../libs/core/src/index.js';
import { startTestApp } from '../test/utils/test-app.js';
import { aMeetingAlliance, meetingWith, run, schedule } from '../test/meetings/fixtures.js';
import { CONNECTIONS, graphqlLoad, SECONDS } from './graphql-load.js';

const MEETING = `query($id: ID!) { meeting(id: $id) { title status quorate
  agenda { position title decisions { number } }
  attendance { status partner { organisation { name } } attendees { displayName } }
  decisions { number title outcome votesFor followUpTasks { title dueOn leadPartner { organisation { shortName } } } amendedBy { number } }
  minutes { status } } }`;

describe('bench: meetings', () => {
  it('meeting page query and concurrent recordDecision', async () => {
    const t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600' });
    try {
      const a = await aMeetingAlliance(t);
      const meetingId = await meetingWith(t, a, 20);
      const check = await t.gql(MEETING, { id: meetingId }, a.users.member.token);
      expect(check.errors).toBeUndefined();
      expect(check.data.meeting.decisions).toHaveLength(20);
      await t.app.listen(0, '127.0.0.1');
      const url = await t.app.getUrl();

      // The same server's floor, measured back to back: the ratio is what to read on a shared machine.
      const baseline = await graphqlLoad(url, a.users.member.token, { query: '{ me { id } }' });
      const read = await graphqlLoad(url, a.users.member.token, {
        query: MEETING,
        variables: { id: meetingId },
      });
      expect(read.non2xx).toBe(0);
      const load = loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');

      const live = await schedule(t, a);
      await run(t, a.users.fac.token, 'startMeeting', live.id);
      const before = await t.db.query('SELECT count(*)::int AS n FROM decisions WHERE alliance_id = $1', [
        a.allianceId,
      ]);
      const write = await graphqlLoad(url, a.users.fac.token, {
        query: 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { number } }',
        variables: {
          i: {
            meetingId: live.id,
            title: 'Lastbeschluss',
            text: 'Unter Last beschlossen.',
            outcome: 'ADOPTED',
            votesFor: 5,
            votesAgainst: 1,
            abstentions: 0,
          },
        },
      });
      expect(write.non2xx).toBe(0);
      await new Promise((r) => setTimeout(r, 1000)); // let requests still in flight when autocannon stopped finish
      const year = Number(todayInBerlin().slice(0, 4));
      const rows = await t.db.query(
        'SELECT count(*)::int AS n, count(DISTINCT serial)::int AS d, max(serial)::int AS m FROM decisions WHERE alliance_id = $1 AND year = $2',
        [a.allianceId, year],
      );
      const { n, d, m } = rows.rows[0];
      expect(d).toBe(n);
      expect(m).toBe(n); // 1..n without a gap
      expect(n - before.rows[0].n).toBeGreaterThan(0);

      console.info(
        [
          `meetings bench (${CONNECTIONS} connections, ${SECONDS} s, ${process.env.DATABASE_URL ? 'service PostgreSQL' : 'embedded PostgreSQL'}, load average ${load})`,
          `baseline { me { id } }: ${baseline.rps.toFixed(0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`,
          `meeting page query (20 decisions, ${check.statements} statements): ${read.rps.toFixed(0)} req/s (${(read.rps / baseline.rps).toFixed(2)}× the baseline), p50 ${read.p50} ms, p99 ${read.p99} ms, errors ${read.errors}`,
          `recordDecision concurrent: ${write.rps.toFixed(0)} req/s, p50 ${write.p50} ms, p99 ${write.p99} ms, errors ${write.errors}; ${n - before.rows[0].n} decisions numbered gap-free (max serial ${m})`,
        ].join('\n'),
      );
    } finally {
      await t.close();
    }
  });
});
