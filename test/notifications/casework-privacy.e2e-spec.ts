import { DAILY_JOBS, type DailyJobs } from '../../libs/core/src/index.js';
import {
  ACCEPT,
  casework,
  fullCaseInput,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
} from '../casework/helpers.js';
import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { TestSmtpServer } from '../utils/smtp.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { listening, type Subscriber, wsUrl } from './subscriber.js';

/** Distinctive enough that any occurrence is this client's data. */
const CLIENT = { givenName: 'Zephyrine', familyName: 'Quastelbrink' };
const NEEDLES = ['Zephyrine', 'Quastelbrink', 'zephyrine', 'quastelbrink', 'QUASTELBRINK'];

describe('notifications of casework carry no personal data of the client', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let jobs: DailyJobs;
  const subs: Subscriber[] = [];

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' });
    a = await casework(t);
    jobs = t.app.get(DAILY_JOBS);
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose().catch(() => undefined)));
    await t.close();
    await smtp.stop();
  });

  it('drives every casework notification and finds the client in no notification, mail, job or push event', async () => {
    const url = await wsUrl(t);
    for (const u of [a.users.kim, a.users.jc]) subs.push(await listening(t, url, u));
    // Half of it goes through the digest.
    await expectData(
      t,
      'mutation { setNotificationPreference(kind: HANDOVER_ACCEPTED, delivery: DIGEST) { kind } }',
      {},
      a.users.kim.token,
    );
    const named = (what: string) => `${what} ${CLIENT.givenName} ${CLIENT.familyName}`;
    const handover = async () => {
      const c = await openCase(t, a.users.kim.token, fullCaseInput(CLIENT));
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY', 'LANGUAGE', 'HOUSING'],
        purpose: named('Vermittlung von'),
        evidenceReference: named('Akte'),
      });
      const { requestHandover } = await expectData(
        t,
        REQUEST_HANDOVER,
        {
          i: {
            caseId: c.id,
            toOrganisationId: a.orgs.jc,
            consentId,
            categories: ['IDENTITY', 'LANGUAGE'],
            message: named('Bitte übernehmen:'),
          },
        },
        a.users.kim.token,
      );
      return { caseId: c.id, consentId, id: requestHandover.id as string };
    };

    const accepted = await handover(); // HANDOVER_REQUESTED
    await expectData(t, ACCEPT, { id: accepted.id }, a.users.jc.token); // HANDOVER_ACCEPTED
    await expectData(
      t,
      'mutation($id: ID!, $o: String!) { completeHandover(id: $id, outcome: $o) { id } }',
      { id: accepted.id, o: named('Arbeit gefunden für') },
      a.users.jc.token,
    ); // HANDOVER_COMPLETED
    const declined = await handover();
    await expectData(
      t,
      'mutation($id: ID!, $r: String!) { declineHandover(id: $id, reason: $r) { id } }',
      { id: declined.id, r: named('Kein Platz für') },
      a.users.jc.token,
    ); // HANDOVER_DECLINED
    const withdrawn = await handover();
    await expectData(t, ACCEPT, { id: withdrawn.id }, a.users.jc.token);
    await expectData(
      t,
      'mutation($id: ID!, $n: String) { withdrawConsent(id: $id, note: $n) { id } }',
      { id: withdrawn.consentId, n: named('Widerruf durch') },
      a.users.kim.token,
    ); // CASE_ACCESS_ENDED (WITHDRAWN)
    const expired = await handover();
    await expectData(t, ACCEPT, { id: expired.id }, a.users.jc.token);
    await t.db.query(
      `UPDATE consents SET valid_from = now() - interval '2 hours', valid_until = now() - interval '1 minute' WHERE id = $1`,
      [expired.consentId],
    );
    await jobs.runNow('consent-expiry-notices'); // CASE_ACCESS_ENDED (EXPIRED)
    await jobs.runNow('notification-digest');

    const stored = await t.db.query(`SELECT kind, row_to_json(n)::text AS json FROM notifications n`);
    const kinds = new Set(stored.rows.map((r) => r.kind));
    for (const k of [
      'HANDOVER_REQUESTED',
      'HANDOVER_ACCEPTED',
      'HANDOVER_DECLINED',
      'HANDOVER_COMPLETED',
      'CASE_ACCESS_ENDED',
    ])
      expect(kinds).toContain(k);
    // Every mail written is delivered (immediate ones and the digest), then scanned as received.
    const { rows: mailCount } = await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox`);
    expect(mailCount[0].n).toBeGreaterThanOrEqual(8);
    await smtp.waitFor((m) => m.length >= mailCount[0].n, 30_000);
    expect(smtp.received.some((m) => m.subject.startsWith('Ihre Benachrichtigungen'))).toBe(true);
    const [kimEvents, jcEvents] = await Promise.all([subs[0].next(4), subs[1].next(4)]);
    expect(kimEvents.length).toBeGreaterThanOrEqual(3);
    expect(jcEvents.length).toBeGreaterThanOrEqual(4);

    const outbox = await t.db.query(`SELECT row_to_json(m)::text AS json FROM mail_outbox m`);
    const jobsData = await t.db.query(
      `SELECT data::text AS json FROM pgboss.job WHERE name = 'mail-deliver'`,
    );
    const listed = [];
    for (const u of [a.users.kim, a.users.jc])
      for (const lang of ['de', 'en'])
        listed.push(
          await t.gql(
            `{ notifications(first: 100) { edges { node { title(language: ${lang}) text(language: ${lang}) kindLabel(language: ${lang}) path params { key value } } } } }`,
            {},
            u.token,
          ),
        );
    const haystacks: [string, string][] = [
      ...stored.rows.map((r): [string, string] => ['notification row', r.json]),
      ...outbox.rows.map((r): [string, string] => ['outbox row', r.json]),
      ...jobsData.rows.map((r): [string, string] => ['delivery job', r.json]),
      ...smtp.received.map((m): [string, string] => [
        `delivered mail "${m.subject}"`,
        JSON.stringify({ ...m, headers: [...m.headers.entries()] }),
      ]),
      ...[...kimEvents, ...jcEvents].map((e): [string, string] => ['push event', JSON.stringify(e)]),
      ...listed.map((r): [string, string] => ['notifications query', JSON.stringify(r.data)]),
    ];
    expect(haystacks.length).toBeGreaterThan(30);
    const found = haystacks
      .filter(([, text]) => NEEDLES.some((n) => text.includes(n)))
      .map(([where]) => where);
    expect(found).toEqual([]);
    // The free texts typed about the client stay out too (they carry the name, so the scan covers them),
    // and the case reference is what identifies the case.
    expect(stored.rows.some((r) => /KR-\d{4}-\d{5}/.test(r.json))).toBe(true);
  });
});
