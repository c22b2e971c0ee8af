import { createTask } from '../coordination/helpers.js';
import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { listening, redisForFanOut, subscribe, type Subscriber, wsUrl } from './subscriber.js';

const redis = await redisForFanOut();

const spec = {
  partners: { p: {}, q: {} },
  users: {
    coord: { org: 'p', roles: ['COORDINATOR'] },
    anna: { org: 'q', roles: ['MEMBER'] },
    ben: { org: 'q', roles: ['MEMBER'] },
  },
};

/** A task assigned to `assignee`: one TASK_ASSIGNED for them (and a PARTNER_ADDED for the rest of q). */
const assign = (t: TestApp, a: BuiltAlliance, assignee: string, title: string) =>
  createTask(t, a.users.coord.token, {
    allianceId: a.allianceId,
    title,
    leadPartnerId: a.partners.q,
    assigneeId: assignee,
  });

describe('notificationEvents: each user hears their own notifications, live', () => {
  let t: TestApp;
  let url: string;
  let a: BuiltAlliance;
  const subs: Subscriber[] = [];
  const keep = (s: Subscriber) => (subs.push(s), s);

  beforeAll(async () => {
    t = await startTestApp();
    url = await wsUrl(t);
    a = await anAlliance(t, spec);
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose().catch(() => undefined)));
    await t.close();
  });

  it('new, read and all-read, each with the unread count after it; never another user’s', async () => {
    const anna = keep(await listening(t, url, a.users.anna));
    const ben = keep(await listening(t, url, a.users.ben));
    const task = await assign(t, a, a.users.anna.id, 'Nur für Anna');
    const [created] = await anna.next(1);
    expect(created.data.notificationEvents).toMatchObject({
      change: 'CREATED',
      unreadCount: 1,
      notification: { kind: 'TASK_ASSIGNED', objectId: task.id, title: 'Aufgabe für Sie: Nur für Anna' },
    });
    const id = created.data.notificationEvents.notification.id;
    await t.gql('mutation($id: ID!) { markNotificationRead(id: $id) { id } }', { id }, a.users.anna.token);
    await assign(t, a, a.users.anna.id, 'Noch eine');
    await t.gql('mutation { markAllNotificationsRead }', {}, a.users.anna.token);
    const events = await anna.next(4);
    expect(
      events.map((e) => [e.data.notificationEvents.change, e.data.notificationEvents.unreadCount]),
    ).toEqual([
      ['CREATED', 1],
      ['READ', 0],
      ['CREATED', 1],
      ['ALL_READ', 0],
    ]);
    // Ben heard only his own (the organisation's PARTNER_ADDED), never Anna's assignment.
    const benEvents = await ben.next(2);
    expect(benEvents.map((e) => e.data.notificationEvents.notification.kind)).toEqual([
      'TASK_PARTNER_ADDED',
      'TASK_PARTNER_ADDED',
    ]);
    expect(JSON.stringify(benEvents)).not.toContain('Aufgabe für Sie');
  });

  it('without a valid token there is no subscription', async () => {
    const forged = keep(subscribe(url, 'not-a-token'));
    await forged.next(1);
    expect(forged.events).toEqual([]);
    expect(forged.errors.length + (forged.closed ? 1 : 0)).toBeGreaterThan(0);
  });

  it('a signed-out session hears nothing more: the subscription completes at the next event', async () => {
    const session = (
      await t.gql(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }',
        { e: a.users.ben.email, p: PASSWORD },
      )
    ).data.login;
    const s = keep(await listening(t, url, { id: a.users.ben.id, token: session.accessToken }));
    await assign(t, a, a.users.ben.id, 'Vorher');
    await s.next(1);
    expect(
      (await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken })).data
        .logout,
    ).toBe(true);
    await assign(t, a, a.users.ben.id, 'Nachher');
    await s.next(2);
    expect(s.completed).toBe(true);
    expect(
      s.events.map(
        (e) => e.data.notificationEvents.notification.params.find((p: any) => p.key === 'taskTitle').value,
      ),
    ).toEqual(['Vorher']);
  });

  (redis.run ? it : it.skip)(
    'fans out through Redis: a notification written on one instance reaches the other',
    async () => {
      if (!redis.url) throw new Error(`REQUIRE_REDIS=1, but ${redis.missing}`);
      const first = await startTestApp({ REDIS_URL: redis.url });
      const second = await startTestApp({ DATABASE_URL: first.databaseUrl, REDIS_URL: redis.url });
      try {
        const b = await anAlliance(first, spec);
        const s = await listening(second, await wsUrl(second), b.users.anna);
        const task = await assign(first, b, b.users.anna.id, 'Über Redis');
        const [event] = await s.next(1);
        expect(s.errors).toEqual([]);
        expect(event.data.notificationEvents).toMatchObject({
          change: 'CREATED',
          unreadCount: 1,
          notification: { kind: 'TASK_ASSIGNED', objectId: task.id },
        });
        await s.dispose();
      } finally {
        await second.close();
        await first.close();
      }
    },
  );
});
