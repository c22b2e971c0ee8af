import { aMember, anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { registeredSubscriptions, taskEventsTrigger, waitForSubscriptions } from '../utils/subscriptions.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { listen, redisForFanOut, subscribe, type Subscriber } from '../utils/ws-subscriber.js';
import { aCoordinationAlliance, createTask, updateTask } from './helpers.js';

const SUBSCRIPTION = `subscription($a: ID!) { taskEvents(allianceId: $a) { change task { id title version status leadPartner { id } comments { body } } } }`;

const titles = (s: Subscriber) => s.events.map((e) => e.data.taskEvents.task.title);

const redis = await redisForFanOut();

describe('taskEvents over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  const subs: Subscriber[] = [];
  const open = (params: Record<string, unknown> | undefined, allianceId: string, u = url) => {
    const s = subscribe(u, params, SUBSCRIPTION, { a: allianceId });
    subs.push(s);
    return s;
  };
  /**
   * Opens one subscriber per entry of `params` on `app` and waits until its PubSub has registered
   * them all: an event published before a subscription registers is not heard.
   */
  const listening = async (
    allianceId: string,
    params: (Record<string, unknown> | undefined)[],
    app = t,
    u = url,
  ): Promise<Subscriber[]> => {
    const trigger = taskEventsTrigger(allianceId);
    const before = registeredSubscriptions(app, trigger).length;
    const opened = params.map((p) => open(p, allianceId, u));
    await waitForSubscriptions(
      app,
      trigger,
      (r) => r.length >= before + opened.length,
      `${opened.length} more subscriptions`,
    );
    return opened;
  };
  beforeAll(async () => {
    t = await startTestApp();
    url = await listen(t);
    a = await aCoordinationAlliance(t);
    other = await anAlliance(t, {
      partners: { x: {} },
      users: { coord: { org: 'x', roles: ['COORDINATOR'] } },
    });
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose().catch(() => undefined)));
    await t.close();
  });

  it('members receive CREATED, UPDATED and COMMENTED after commit, resolved with their own view', async () => {
    const [observer, member] = await listening(a.allianceId, [
      { authorization: `Bearer ${a.users.observer.token}` },
      { token: a.users.member.token },
    ]);
    const task = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Jobmesse planen',
      leadPartnerId: a.partners.jc,
    });
    await updateTask(t, a.users.member.token, task.id, { expectedVersion: 1, status: 'IN_PROGRESS' });
    await t.gql(
      'mutation($t: ID!) { commentOnTask(taskId: $t, body: "Halle reserviert") { id } }',
      { t: task.id },
      a.users.member.token,
    );
    for (const s of [observer, member]) {
      const events = await s.next(3);
      expect(s.errors).toEqual([]);
      expect(events.map((e) => e.data.taskEvents)).toEqual([
        {
          change: 'CREATED',
          task: {
            id: task.id,
            title: 'Jobmesse planen',
            version: 1,
            status: 'OPEN',
            leadPartner: { id: a.partners.jc },
            comments: [],
          },
        },
        {
          change: 'UPDATED',
          task: expect.objectContaining({ id: task.id, version: 2, status: 'IN_PROGRESS' }),
        },
        {
          change: 'COMMENTED',
          task: expect.objectContaining({ id: task.id, comments: [{ body: 'Halle reserviert' }] }),
        },
      ]);
    }
  });

  it('only members of that alliance hear its events', async () => {
    const [mine] = await listening(a.allianceId, [{ token: a.users.coord.token }]);
    const [foreign] = await listening(other.allianceId, [{ token: other.users.coord.token }]);
    const inA = (title: string) =>
      createTask(t, a.users.coord.token, { allianceId: a.allianceId, title, leadPartnerId: a.partners.city });
    const inB = (title: string) =>
      createTask(t, other.users.coord.token, {
        allianceId: other.allianceId,
        title,
        leadPartnerId: other.partners.x,
      });
    await inA('Nur für A');
    await inB('Nur für B');
    // Sentinels, published after the other alliance's event: once each subscriber heard its own,
    // an event of the other alliance would have arrived before it.
    await inA('Wächter A');
    await inB('Wächter B');
    await Promise.all([mine.next(2), foreign.next(2)]);
    expect(titles(mine)).toEqual(['Nur für A', 'Wächter A']);
    expect(titles(foreign)).toEqual(['Nur für B', 'Wächter B']);
  });

  it('a non-member’s subscription ends with a graphql-ws error and receives no event', async () => {
    const [witness] = await listening(a.allianceId, [{ token: a.users.observer.token }]);
    const registered = registeredSubscriptions(t, taskEventsTrigger(a.allianceId)).length;
    const intruder = open({ token: other.users.coord.token }, a.allianceId);
    await intruder.next(1);
    expect(intruder.errors).toHaveLength(1);
    expect(intruder.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Geheim',
      leadPartnerId: a.partners.city,
    });
    // The witness heard it, so it was published; the refused subscription never registered.
    await witness.next(1);
    expect(titles(witness)).toEqual(['Geheim']);
    expect(registeredSubscriptions(t, taskEventsTrigger(a.allianceId))).toHaveLength(registered);
    expect(intruder.events).toEqual([]);
  });

  it('an invalid token ends the subscription with UNAUTHENTICATED; a missing one closes the socket with 4403', async () => {
    const forged = open({ authorization: 'Bearer not-a-token' }, a.allianceId);
    await forged.next(1);
    expect(forged.errors[0]).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
    const anonymous = open(undefined, a.allianceId);
    await anonymous.next(1);
    expect(anonymous.events).toEqual([]);
    expect(anonymous.closed?.code ?? (anonymous.errors[0] as any)?.code).toBe(4403);
  });

  it('someone removed from the alliance, or signed out, hears nothing more: the open subscription completes', async () => {
    const leaving = await aMember(t, a.allianceId, a.orgs.jc, ['MEMBER']);
    const signingOut = await aMember(t, a.allianceId, a.orgs.jc, ['MEMBER']);
    const session = (
      await t.gql(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }',
        { e: signingOut.email, p: PASSWORD },
      )
    ).data.login;
    const [staying, removed, loggedOut] = await listening(a.allianceId, [
      { token: a.users.observer.token },
      { token: leaving.token },
      { token: session.accessToken },
    ]);
    await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Vor dem Austritt',
      leadPartnerId: a.partners.jc,
    });
    await Promise.all([staying.next(1), removed.next(1), loggedOut.next(1)]);
    expect(removed.events).toHaveLength(1);
    expect(loggedOut.events).toHaveLength(1);
    await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: a.allianceId, userId: leaving.id, roles: [] } },
      await t.adminToken(),
    );
    expect(
      (await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken })).data
        .logout,
    ).toBe(true);
    await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Nach dem Austritt',
      leadPartnerId: a.partners.jc,
    });
    // The event after the removal ends their subscriptions instead of reaching them.
    await Promise.all([staying.next(2), removed.next(2), loggedOut.next(2)]);
    expect(titles(staying)).toEqual(['Vor dem Austritt', 'Nach dem Austritt']);
    for (const s of [removed, loggedOut]) {
      expect(s.completed).toBe(true);
      expect(s.errors).toEqual([]);
      expect(titles(s)).toEqual(['Vor dem Austritt']);
    }
  });

  it('a change that is rolled back is never announced', async () => {
    const [s] = await listening(a.allianceId, [{ token: a.users.coord.token }]);
    const task = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Vorher',
      leadPartnerId: a.partners.city,
    });
    await s.next(1);
    // A stale version and an invalid partner both fail inside the transaction.
    await updateTask(t, a.users.coord.token, task.id, { expectedVersion: 7, title: 'Konflikt' });
    await updateTask(t, a.users.coord.token, task.id, { expectedVersion: 1, leadPartnerId: a.partners.uni });
    await updateTask(t, a.users.coord.token, task.id, { expectedVersion: 1, title: 'Nachher' });
    // A sentinel after them: everything published before it has arrived once it has.
    await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Wächter',
      leadPartnerId: a.partners.city,
    });
    await s.next(3);
    expect(s.events.map((e) => [e.data.taskEvents.change, e.data.taskEvents.task.title])).toEqual([
      ['CREATED', 'Vorher'],
      ['UPDATED', 'Nachher'],
      ['CREATED', 'Wächter'],
    ]);
  });

  (redis.run ? it : it.skip)(
    'fans out through Redis: a change on one instance reaches a subscriber on the other',
    async () => {
      if (!redis.url) throw new Error(`REQUIRE_REDIS=1, but ${redis.missing}`);
      const redisUrl = redis.url;
      const first = await startTestApp({ REDIS_URL: redisUrl });
      const second = await startTestApp({ DATABASE_URL: first.databaseUrl, REDIS_URL: redisUrl });
      try {
        const secondUrl = await listen(second);
        const b = await aCoordinationAlliance(first);
        const [s] = await listening(b.allianceId, [{ token: b.users.observer.token }], second, secondUrl);
        const task = await createTask(first, b.users.coord.token, {
          allianceId: b.allianceId,
          title: 'Über Redis',
          leadPartnerId: b.partners.city,
        });
        const events = await s.next(1);
        expect(s.errors).toEqual([]);
        expect(events.map((e) => e.data.taskEvents)).toEqual([
          {
            change: 'CREATED',
            task: expect.objectContaining({
              id: task.id,
              title: 'Über Redis',
              leadPartner: { id: b.partners.city },
            }),
          },
        ]);
        await s.dispose();
      } finally {
        await second.close();
        await first.close();
      }
    },
  );
});
