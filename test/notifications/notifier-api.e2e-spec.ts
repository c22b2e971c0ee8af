import request from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NOTIFIER, type Notifier } from '../../libs/core/src/index.js';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { MAIL_QUEUE, queuesSettled } from '../utils/eventually.js';
import { TestSmtpServer } from '../utils/smtp.js';
import { listUnsubscribe } from './helpers.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const LIST = `query($u: Boolean) { notifications(first: 10, unreadOnly: $u) { totalCount
  edges { node { id kind objectType objectId path readAt title(language: de) text(language: en) params { key value } } } } }`;

describe('notifications: the NOTIFIER port, the inbox and the e-mail', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let notifier: Notifier;
  let dataSource: DataSource;
  const taskId = '6f1c3c54-5d0b-4d57-9b4e-0d2f5f0a3c11';

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' });
    a = await anAlliance(t, {
      partners: { p: {}, q: {} },
      users: { anna: { org: 'p', roles: ['MEMBER'] }, ben: { org: 'q', roles: ['MEMBER'] } },
    });
    notifier = t.app.get(NOTIFIER);
    dataSource = t.app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const notify = (recipients: string[], kind: any = 'TASK_ASSIGNED', actorId?: string) =>
    dataSource.transaction((em) =>
      notifier.notify(em, {
        kind,
        recipientUserIds: recipients,
        allianceId: a.allianceId,
        objectType: 'Task',
        objectId: taskId,
        params: { taskTitle: 'Sprachkurs planen', actorName: 'Clara' },
        actorId,
      }),
    );

  it('writes one notification per recipient, never to the actor, and mails the immediate ones', async () => {
    const n = await notify(
      [a.users.anna.id, a.users.anna.id, a.users.ben.id],
      'TASK_ASSIGNED',
      a.users.ben.id,
    );
    expect(n).toBe(1);
    const anna = await t.gql(LIST, {}, a.users.anna.token);
    expect(anna.data.notifications.totalCount).toBe(1);
    const node = anna.data.notifications.edges[0].node;
    expect(node).toMatchObject({
      kind: 'TASK_ASSIGNED',
      objectType: 'Task',
      objectId: taskId,
      path: `/aufgaben/${taskId}`,
      readAt: null,
      title: 'Aufgabe für Sie: Sprachkurs planen',
    });
    expect(node.text).toContain('Clara assigned the task');
    expect((await t.gql(LIST, {}, a.users.ben.token)).data.notifications.totalCount).toBe(0);

    const mail = await smtp.mailTo(a.users.anna.email);
    expect(mail.subject).toBe('Aufgabe für Sie: Sprachkurs planen');
    expect(mail.text).toContain(`${t.config.people.publicUrl}/aufgaben/${taskId}`);
    const { url, post } = listUnsubscribe(mail);
    expect(url).toMatch(/^http.*\/mail\/unsubscribe\?token=[\w.-]+$/);
    expect(post).toContain('List-Unsubscribe=One-Click');
    expect(mail.text).toContain(url);
  });

  it('counts unread, marks one and all read, and refuses another user’s id', async () => {
    await notify([a.users.anna.id], 'TASK_UNBLOCKED');
    const count = `{ unreadNotificationCount }`;
    expect((await t.gql(count, {}, a.users.anna.token)).data.unreadNotificationCount).toBe(2);
    const list = await t.gql(LIST, { u: true }, a.users.anna.token);
    const first = list.data.notifications.edges[0].node.id;
    const mark = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
    expect(codes(await t.gql(mark, { id: first }, a.users.ben.token))).toEqual(['NOT_FOUND']);
    const read = await t.gql(mark, { id: first }, a.users.anna.token);
    expect(read.data.markNotificationRead.readAt).not.toBeNull();
    expect((await t.gql(count, {}, a.users.anna.token)).data.unreadNotificationCount).toBe(1);
    const all = await t.gql('mutation { markAllNotificationsRead }', {}, a.users.anna.token);
    expect(all.data.markAllNotificationsRead).toBe(1);
    expect((await t.gql(count, {}, a.users.anna.token)).data.unreadNotificationCount).toBe(0);
    expect(codes(await t.gql(count, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('follows the preference of each kind, and the unsubscribe link switches a kind off without sign-in', async () => {
    const prefs = await t.gql(
      '{ notificationPreferences { kind delivery defaultDelivery label(language: de) } }',
      {},
      a.users.ben.token,
    );
    const byKind = Object.fromEntries(prefs.data.notificationPreferences.map((p: any) => [p.kind, p]));
    expect(byKind.HANDOVER_REQUESTED.delivery).toBe('IMMEDIATE');
    expect(byKind.MEETING_INVITATION.delivery).toBe('IMMEDIATE');
    expect(byKind.TASK_COMMENTED.delivery).toBe('DIGEST');

    const before = smtp.to(a.users.ben.email).length;
    await notify([a.users.ben.id], 'TASK_ASSIGNED');
    const mail = await smtp.mailTo(a.users.ben.email);
    expect(smtp.to(a.users.ben.email)).toHaveLength(before + 1);
    const url = new URL(listUnsubscribe(mail).url);

    // Opening the link changes nothing; the button (or the mail client's one-click POST) does.
    const page = await request(t.http).get(`${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Abbestellen');
    const post = await request(t.http)
      .post(`${url.pathname}${url.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(post.status).toBe(200);
    expect(post.text).toContain('Aufgabe zugewiesen');
    const bad = await request(t.http).post(`${url.pathname}?token=${url.searchParams.get('token')}x`);
    expect(bad.status).toBe(400);

    const after = await t.gql('{ notificationPreferences { kind delivery } }', {}, a.users.ben.token);
    expect(after.data.notificationPreferences.find((p: any) => p.kind === 'TASK_ASSIGNED').delivery).toBe(
      'OFF',
    );
    await notify([a.users.ben.id], 'TASK_ASSIGNED');
    // A mail would have been written with the notification; every delivery job has finished since.
    await queuesSettled(t.db, [MAIL_QUEUE]);
    expect(smtp.to(a.users.ben.email)).toHaveLength(before + 1);
    // Still in the portal.
    expect((await t.gql(LIST, {}, a.users.ben.token)).data.notifications.totalCount).toBe(2);

    const set = await t.gql(
      'mutation { setNotificationPreference(kind: TASK_ASSIGNED, delivery: IMMEDIATE) { kind delivery } }',
      {},
      a.users.ben.token,
    );
    expect(set.data.setNotificationPreference.delivery).toBe('IMMEDIATE');
  });
});
