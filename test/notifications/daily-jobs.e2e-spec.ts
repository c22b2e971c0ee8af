import { createTask } from '../coordination/helpers.js';
import { anAlliance } from '../utils/builders.js';
import { until } from '../utils/eventually.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(d);
};

describe('daily jobs run on pg-boss’s schedule, once across instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    // Every minute instead of daily, so the test sees a scheduled run.
    const env = { DAILY_JOBS: 'true', DAILY_JOBS_CRON: '* * * * *' };
    first = await startTestApp(env);
    second = await startTestApp({ ...env, DATABASE_URL: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('two instances keep the schedule; each minute one of them runs each job, and its work is done once', async () => {
    const a = await anAlliance(first, {
      partners: { p: {} },
      users: { coord: { org: 'p', roles: ['COORDINATOR'] }, m: { org: 'p', roles: ['MEMBER'] } },
    });
    const task = await createTask(first, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Bald fällig',
      leadPartnerId: a.partners.p,
      assigneeId: a.users.m.id,
      dueOn: day(1),
    });
    const ran = async () =>
      (
        await first.db.query(
          `SELECT name, count(*)::int AS n, count(DISTINCT date_trunc('minute', created_on))::int AS minutes
             FROM pgboss.job WHERE name IN ('task-due-reminders', 'notification-digest', 'consent-expiry-notices')
              AND state = 'completed' GROUP BY name ORDER BY name`,
        )
      ).rows;
    const rows = await until(
      async () => {
        const r = await ran();
        return r.length >= 3 ? r : null;
      },
      { what: 'a completed run of each daily job', timeoutMs: 150_000, intervalMs: 1000 },
    );
    expect(rows.map((r) => r.name)).toEqual([
      'consent-expiry-notices',
      'notification-digest',
      'task-due-reminders',
    ]);
    // One run per minute slot, though both instances keep the schedule and work the queues.
    for (const r of rows) expect(r.n).toBe(r.minutes);
    const told = await first.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'TASK_DUE_SOON' AND object_id = $1`,
      [task.id],
    );
    expect(told.rows[0].n).toBe(1);
  }, 200_000);
});
