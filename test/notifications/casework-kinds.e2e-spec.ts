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
import { notificationsOf } from './helpers.js';

const DECLINE = 'mutation($id: ID!, $r: String!) { declineHandover(id: $id, reason: $r) { id status } }';
const COMPLETE = 'mutation($id: ID!, $o: String!) { completeHandover(id: $id, outcome: $o) { id status } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawConsent(id: $id) { id status } }';

describe('notifications of casework: who hears of a handover, and who does not', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let jobs: DailyJobs;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' });
    a = await casework(t);
    jobs = t.app.get(DAILY_JOBS);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** user key → kinds told about any of the ids. */
  async function told(...ids: string[]): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const [key, u] of Object.entries(a.users)) {
      const kinds = (await notificationsOf(t, u.token))
        .filter((n) => ids.includes(n.objectId))
        .map((n) => n.kind);
      if (kinds.length) result[key] = kinds.sort();
    }
    return result;
  }

  async function requested(client = 'Anna Beispiel') {
    const [givenName, familyName] = client.split(' ');
    const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName, familyName }));
    const consentId = await recordConsent(t, a.users.kim.token, {
      caseId: c.id,
      recipientIds: [a.orgs.jc],
      categories: ['IDENTITY', 'LANGUAGE'],
    });
    const { requestHandover } = await expectData(
      t,
      REQUEST_HANDOVER,
      { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY', 'LANGUAGE'] } },
      a.users.kim.token,
    );
    return { caseId: c.id, reference: c.reference, consentId, handoverId: requestHandover.id as string };
  }

  it('a request: the receiving organisation’s case workers, at once by mail; no member without the role, no other organisation', async () => {
    const h = await requested();
    expect(await told(h.handoverId, h.caseId)).toEqual({ jc: ['HANDOVER_REQUESTED'] });
    const [n] = await notificationsOf(t, a.users.jc.token);
    expect(n).toMatchObject({ objectType: 'Handover', objectId: h.handoverId });
    expect(Object.keys(n.params).sort()).toEqual(['caseReference', 'fromOrganisation', 'toOrganisation']);
    expect(n.params.caseReference).toBe(h.reference);
    const mail = await smtp.mailTo(a.users.jc.email);
    expect(mail.subject).toBe(`Übergabe angefragt: Fall ${h.reference}`);
    expect(mail.text).toContain(`/faelle?uebergabe=${h.handoverId}`);
  });

  it('accepted and completed: the case worker who asked, not the colleague, not the receiver', async () => {
    const h = await requested();
    await expectData(t, ACCEPT, { id: h.handoverId }, a.users.jc.token);
    await expectData(t, COMPLETE, { id: h.handoverId, o: 'Vermittelt' }, a.users.jc.token);
    expect(await told(h.caseId)).toEqual({ kim: ['HANDOVER_ACCEPTED', 'HANDOVER_COMPLETED'] });
    const mail = await smtp.mailTo(a.users.kim.email);
    expect(mail.subject).toBe(`Übergabe angenommen: Fall ${h.reference}`);
  });

  it('declined: told, with the reason left on the case page (free text never leaves casework)', async () => {
    const h = await requested();
    await expectData(
      t,
      DECLINE,
      { id: h.handoverId, r: 'Keine Kapazität für Frau Beispiel' },
      a.users.jc.token,
    );
    expect(await told(h.caseId)).toEqual({ kim: ['HANDOVER_DECLINED'] });
    const [n] = (await notificationsOf(t, a.users.kim.token)).filter((x) => x.kind === 'HANDOVER_DECLINED');
    expect(JSON.stringify(n)).not.toContain('Kapazität');
    await smtp.waitFor((m) => m.some((x) => x.subject === `Übergabe abgelehnt: Fall ${h.reference}`));
    const mail = smtp.received.find((x) => x.subject === `Übergabe abgelehnt: Fall ${h.reference}`)!;
    expect(mail.text).toContain('Den Grund sehen Sie beim Fall im Portal');
    expect(mail.text).not.toContain('Kapazität');
  });

  it('a withdrawn consent: the case workers of the organisation that loses access; not when it had none', async () => {
    const h = await requested();
    await expectData(t, ACCEPT, { id: h.handoverId }, a.users.jc.token);
    const unaccepted = await requested();
    await expectData(t, WITHDRAW, { id: h.consentId }, a.users.kim.token);
    await expectData(t, WITHDRAW, { id: unaccepted.consentId }, a.users.kim.token);
    expect(await told(h.handoverId)).toEqual({ jc: ['CASE_ACCESS_ENDED', 'HANDOVER_REQUESTED'] });
    expect(await told(unaccepted.handoverId)).toEqual({ jc: ['HANDOVER_REQUESTED'] });
    const [ended] = (await notificationsOf(t, a.users.jc.token)).filter(
      (n) => n.kind === 'CASE_ACCESS_ENDED',
    );
    expect(ended.params).toMatchObject({ caseReference: h.reference, cause: 'WITHDRAWN' });
  });

  it('an expired consent: the daily job tells the receiving case workers once', async () => {
    const h = await requested();
    await expectData(t, ACCEPT, { id: h.handoverId }, a.users.jc.token);
    // Set-up the API does not offer: the consent's period ended a minute ago.
    await t.db.query(
      `UPDATE consents SET valid_from = now() - interval '2 hours', valid_until = now() - interval '1 minute' WHERE id = $1`,
      [h.consentId],
    );
    await jobs.runNow('consent-expiry-notices');
    await jobs.runNow('consent-expiry-notices');
    expect(await told(h.handoverId)).toEqual({ jc: ['CASE_ACCESS_ENDED', 'HANDOVER_REQUESTED'] });
    const [ended] = (await notificationsOf(t, a.users.jc.token)).filter(
      (n) => n.kind === 'CASE_ACCESS_ENDED' && n.objectId === h.handoverId,
    );
    expect(ended.params.cause).toBe('EXPIRED');
    await smtp.waitFor((m) => m.some((x) => x.subject === `Zugriff beendet: Fall ${h.reference}`));
    expect(smtp.received.filter((x) => x.subject === `Zugriff beendet: Fall ${h.reference}`)).toHaveLength(1);
  });
});
