import { DAILY_JOBS, type DailyJobs } from '../../libs/core/src/index.js';
import { createTask } from '../coordination/helpers.js';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { MAIL_QUEUE, queuesSettled, until } from '../utils/eventually.js';
import { TestSmtpServer } from '../utils/smtp.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('notification mails lose nothing: the SMTP server goes away while they are produced', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let second: TestApp;
  let a: BuiltAlliance;

  beforeAll(async () => {
    await smtp.start();
    const env = { SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1', MAIL_MAX_ATTEMPTS: '10' };
    t = await startTestApp(env);
    second = await startTestApp({ ...env, DATABASE_URL: t.databaseUrl });
    a = await anAlliance(t, {
      partners: { p: {}, q: {} },
      users: {
        coord: { org: 'p', roles: ['COORDINATOR'] },
        u1: { org: 'q', roles: ['MEMBER'] },
        u2: { org: 'q', roles: ['MEMBER'] },
        u3: { org: 'q', roles: ['MEMBER'] },
      },
    });
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    await smtp.stop();
  });

  const assignAll = async (app: TestApp, prefix: string) => {
    const titles: string[] = [];
    for (const key of ['u1', 'u2', 'u3']) {
      const title = `${prefix} für ${key}`;
      await createTask(app, a.users.coord.token, {
        allianceId: a.allianceId,
        title,
        leadPartnerId: a.partners.q,
        assigneeId: a.users[key].id,
      });
      titles.push(title);
    }
    return titles;
  };

  it('delivers each immediate mail and each digest exactly once after the server is back', async () => {
    await smtp.stop();
    // Written on both instances while the relay is down: immediate mails, and digest entries.
    const titles = [...(await assignAll(t, 'Während')), ...(await assignAll(second, 'Auch während'))];
    await (second.app.get(DAILY_JOBS) as DailyJobs).runNow('notification-digest');
    // Attempts fail while it is down, and are recorded.
    await until(
      async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE last_error IS NOT NULL`)).rows[0]
          .n >= 3,
      { what: 'three failed attempts recorded in the outbox' },
    );
    expect(smtp.received).toHaveLength(0);

    await smtp.start();
    const subjects = titles.map((title) => `Aufgabe für Sie: ${title}`);
    const digestTo = [a.users.u1.email, a.users.u2.email, a.users.u3.email];
    const digests = () => smtp.received.filter((m) => m.subject.startsWith('Ihre Benachrichtigungen'));
    await smtp.waitFor(
      (m) =>
        subjects.every((s) => m.some((x) => x.subject === s)) &&
        digestTo.every((e) => digests().some((d) => d.to.includes(e))),
      90_000,
    );
    // Every delivery job has finished (none queued, retrying or running): a duplicate would be here.
    await queuesSettled(t.db, [MAIL_QUEUE]);
    for (const s of subjects) expect(smtp.received.filter((m) => m.subject === s)).toHaveLength(1);
    for (const e of digestTo) expect(digests().filter((d) => d.to.includes(e))).toHaveLength(1);
    const ids = smtp.received.map((m) => m.outboxId);
    expect(new Set(ids).size).toBe(ids.length);
    const { rows } = await t.db.query(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status`);
    expect(rows).toEqual([{ status: 'SENT', n: smtp.received.length }]);
    // Each digest notification went into exactly one mail.
    const pending = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE email = 'DIGEST' AND mailed_at IS NULL`,
    );
    expect(pending.rows[0].n).toBe(0);
  });
});
