import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { MAIL_QUEUE, queuesSettled, until } from '../utils/eventually.js';
import { TestSmtpServer } from '../utils/smtp.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const INVITE = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }';
const OUTBOX = `query($s: MailStatus, $r: String) { mailOutbox(status: $s, recipient: $r, first: 100) {
  totalCount edges { node { id recipient subject text status attempts lastError template language } } } }`;

async function inviteMany(t: TestApp, a: BuiltAlliance, prefix: string, count: number): Promise<string[]> {
  const token = await t.adminToken();
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@test.local`);
  for (const email of emails) {
    const res = await t.gql(
      INVITE,
      {
        i: {
          email,
          displayName: 'Neu',
          organisationId: a.orgs.p,
          allianceId: a.allianceId,
          roles: ['MEMBER'],
        },
      },
      token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  return emails;
}

describe('notifications: the mail outbox and its delivery', () => {
  describe('with an SMTP server that goes away mid-way, and two instances', () => {
    const smtp = new TestSmtpServer();
    let t: TestApp;
    let second: TestApp;
    let a: BuiltAlliance;

    beforeAll(async () => {
      await smtp.start();
      const env = { SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1', MAIL_MAX_ATTEMPTS: '10' };
      t = await startTestApp(env);
      second = await startTestApp({ ...env, DATABASE_URL: t.databaseUrl });
      a = await anAlliance(t, { partners: { p: {} } });
    });
    afterAll(async () => {
      await second.close();
      await t.close();
      await smtp.stop();
    });

    it('delivers every mail exactly once after the SMTP server is back', async () => {
      const before = await inviteMany(t, a, 'vorher', 4);
      await smtp.waitFor(() => before.every((e) => smtp.to(e).length === 1));

      await smtp.stop();
      const during = [
        ...(await inviteMany(t, a, 'waehrend', 4)),
        ...(await inviteMany(second, a, 'waehrend2', 4)),
      ];
      // Attempts fail while it is down, and are recorded.
      await until(
        async () =>
          (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE last_error IS NOT NULL`))
            .rows[0].n >= 3,
        { what: 'three failed attempts recorded in the outbox' },
      );
      expect(smtp.received.length).toBe(4);

      await smtp.start();
      const all = [...before, ...during];
      await smtp.waitFor(() => all.every((e) => smtp.to(e).length >= 1), 60_000);
      // Every delivery job has finished (none queued, retrying or running): a duplicate would be here.
      await queuesSettled(t.db, [MAIL_QUEUE]);
      for (const e of all) expect(smtp.to(e)).toHaveLength(1);
      const ids = smtp.received.map((m) => m.outboxId);
      expect(new Set(ids).size).toBe(ids.length);
      const rows = await t.db.query(
        `SELECT status, count(*)::int AS n, bool_and(text_body IS NULL) AS cleared FROM mail_outbox GROUP BY status`,
      );
      expect(rows.rows).toEqual([{ status: 'SENT', n: 12, cleared: true }]);
    });
  });

  describe('after repeated failure', () => {
    const smtp = new TestSmtpServer();
    let t: TestApp;
    let a: BuiltAlliance;

    beforeAll(async () => {
      await smtp.start();
      await smtp.stop(); // a port where nobody answers, until the test starts it again
      t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1', MAIL_MAX_ATTEMPTS: '2' });
      a = await anAlliance(t, { partners: { p: {} } });
    });
    afterAll(async () => {
      await t.close();
      await smtp.stop();
    });

    it('marks the mail FAILED; the platform administrator sees it and sends it again', async () => {
      const [email] = await inviteMany(t, a, 'gescheitert', 1);
      const admin = await t.adminToken();
      const failed: any[] = await until(
        async () => {
          const edges = (await t.gql(OUTBOX, { s: 'FAILED' }, admin)).data.mailOutbox.edges;
          return edges.length ? edges : null;
        },
        { what: 'the mail marked FAILED', timeoutMs: 30_000, intervalMs: 100 },
      );
      expect(failed).toHaveLength(1);
      expect(failed[0].node).toMatchObject({ recipient: email, status: 'FAILED', attempts: 2 });
      expect(failed[0].node.lastError).toMatch(/ECONNREFUSED/);

      await smtp.start();
      const retried = await t.gql(
        'mutation($id: ID!) { retryMail(id: $id) { status attempts } }',
        { id: failed[0].node.id },
        admin,
      );
      expect(retried.data.retryMail).toEqual({ status: 'PENDING', attempts: 0 });
      await smtp.mailTo(email);
      expect(
        codes(
          await t.gql(
            'mutation($id: ID!) { retryMail(id: $id) { status } }',
            { id: failed[0].node.id },
            admin,
          ),
        ),
      ).toEqual(['CONFLICT']);
    });
  });

  describe('without SMTP_URL (the embedded default)', () => {
    let t: TestApp;
    let a: BuiltAlliance;
    beforeAll(async () => {
      t = await startTestApp();
      a = await anAlliance(t, {
        partners: { p: {} },
        users: { admin: { org: 'p', roles: ['ALLIANCE_ADMIN'] } },
      });
    });
    afterAll(() => t.close());

    it('keeps mails in the outbox, readable on the Postausgang by the platform administrator only', async () => {
      const [email] = await inviteMany(t, a, 'postausgang', 1);
      const res = await t.gql(OUTBOX, { r: email }, await t.adminToken());
      expect(res.data.mailOutbox.totalCount).toBe(1);
      const mail = res.data.mailOutbox.edges[0].node;
      expect(mail).toMatchObject({ status: 'PENDING', template: 'invitation', language: 'de', attempts: 0 });
      expect(mail.text).toMatch(/\/einladung#token=[A-Za-z0-9_-]{40,}/);
      expect(codes(await t.gql(OUTBOX, {}, a.users.admin.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(OUTBOX, {}))).toEqual(['UNAUTHENTICATED']);
    });

    it('in production the Postausgang shows no mail bodies', async () => {
      const p = await startTestApp({ NODE_ENV: 'production', DATABASE_URL: t.databaseUrl });
      try {
        const res = await p.gql(OUTBOX, {}, await p.adminToken());
        expect(res.data.mailOutbox.edges.length).toBeGreaterThan(0);
        expect(res.data.mailOutbox.edges.every((e: any) => e.node.text === null)).toBe(true);
      } finally {
        await p.close();
      }
    });
  });
});
