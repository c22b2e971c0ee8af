import { type Client, createClient } from 'graphql-ws';
import { Socket } from 'node:net';
import WebSocket from 'ws';
import { aMember, anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aCoordinationAlliance, createTask, updateTask } from './helpers.js';

const SUBSCRIPTION = `subscription($a: ID!) { taskEvents(allianceId: $a) { change task { id title version status leadPartner { id } comments { body } } } }`;

/** A graphql-ws subscriber that collects events, and the error or close that ends it. */
interface Subscriber {
  events: any[];
  errors: any[];
  closed: { code?: number } | null;
  next(count?: number): Promise<any[]>;
  /** Resolves once the server acknowledged the subscribe message (a round trip after it). */
  ready: Promise<void>;
  dispose(): Promise<void>;
}

async function listen(t: TestApp): Promise<string> {
  const server = await t.app.listen(0, '127.0.0.1');
  const { port } = server.address();
  return `ws://127.0.0.1:${port}/graphql`;
}

function subscribe(
  url: string,
  connectionParams: Record<string, unknown> | undefined,
  allianceId: string,
): Subscriber {
  const sub: Subscriber = { events: [], errors: [], closed: null } as any;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };
  let acked!: () => void;
  sub.ready = new Promise((r) => (acked = r));
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => acked(),
      closed: (e: any) => {
        sub.closed = { code: e?.code };
        acked();
        wake();
      },
    },
  });
  client.subscribe(
    { query: SUBSCRIPTION, variables: { a: allianceId } },
    {
      next: (v) => {
        sub.events.push(v);
        wake();
      },
      error: (e) => {
        sub.errors.push(e);
        wake();
      },
      complete: () => wake(),
    },
  );
  sub.next = async (count = 1) => {
    const deadline = Date.now() + 5000;
    while (sub.events.length < count && !sub.errors.length && !sub.closed && Date.now() < deadline) {
      await Promise.race([new Promise<void>((r) => waiters.push(r)), new Promise((r) => setTimeout(r, 100))]);
    }
    return sub.events;
  };
  sub.dispose = () => client.dispose() as Promise<void>;
  return sub;
}

/** Subscriptions register asynchronously on the server; give the subscribe message time to arrive. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('taskEvents over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  const subs: Subscriber[] = [];
  const open = (params: Record<string, unknown> | undefined, allianceId: string, u = url) => {
    const s = subscribe(u, params, allianceId);
    subs.push(s);
    return s;
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
    const observer = open({ authorization: `Bearer ${a.users.observer.token}` }, a.allianceId);
    const member = open({ token: a.users.member.token }, a.allianceId);
    await Promise.all([observer.ready, member.ready]);
    await settle();
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
    const mine = open({ token: a.users.coord.token }, a.allianceId);
    const foreign = open({ token: other.users.coord.token }, other.allianceId);
    await Promise.all([mine.ready, foreign.ready]);
    await settle();
    await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Nur für A',
      leadPartnerId: a.partners.city,
    });
    await mine.next(1);
    await createTask(t, other.users.coord.token, {
      allianceId: other.allianceId,
      title: 'Nur für B',
      leadPartnerId: other.partners.x,
    });
    await foreign.next(1);
    expect(mine.events.map((e) => e.data.taskEvents.task.title)).toEqual(['Nur für A']);
    expect(foreign.events.map((e) => e.data.taskEvents.task.title)).toEqual(['Nur für B']);
  });

  it('a non-member’s subscription ends with a graphql-ws error and receives no event', async () => {
    const intruder = open({ token: other.users.coord.token }, a.allianceId);
    await intruder.ready;
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
    await settle();
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

  it('someone removed from the alliance, or signed out, hears nothing more on an open subscription', async () => {
    const leaving = await aMember(t, a.allianceId, a.orgs.jc, ['MEMBER']);
    const signingOut = await aMember(t, a.allianceId, a.orgs.jc, ['MEMBER']);
    const session = (
      await t.gql(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }',
        { e: signingOut.email, p: PASSWORD },
      )
    ).data.login;
    const staying = open({ token: a.users.observer.token }, a.allianceId);
    const removed = open({ token: leaving.token }, a.allianceId);
    const loggedOut = open({ token: session.accessToken }, a.allianceId);
    await Promise.all([staying.ready, removed.ready, loggedOut.ready]);
    await settle();
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
    await staying.next(2);
    await settle();
    expect(staying.events.map((e) => e.data.taskEvents.task.title)).toEqual([
      'Vor dem Austritt',
      'Nach dem Austritt',
    ]);
    expect(removed.events).toHaveLength(1);
    expect(loggedOut.events).toHaveLength(1);
  });

  it('a change that is rolled back is never announced', async () => {
    const s = open({ token: a.users.coord.token }, a.allianceId);
    await s.ready;
    await settle();
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
    await s.next(2);
    await settle();
    expect(s.events.map((e) => [e.data.taskEvents.change, e.data.taskEvents.task.title])).toEqual([
      ['CREATED', 'Vorher'],
      ['UPDATED', 'Nachher'],
    ]);
  });

  it('fans out through Redis: a change on one instance reaches a subscriber on the other', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (!(await reachable(redisUrl))) {
      console.warn(
        `SKIPPED: Redis at ${redisUrl} is not reachable; the two-instance fan-out test did not run`,
      );
      return;
    }
    const first = await startTestApp({ REDIS_URL: redisUrl });
    const second = await startTestApp({ DATABASE_URL: first.databaseUrl, REDIS_URL: redisUrl });
    try {
      const secondUrl = await listen(second);
      const b = await aCoordinationAlliance(first);
      const s = open({ token: b.users.observer.token }, b.allianceId, secondUrl);
      await s.ready;
      await settle();
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
  });
});

function reachable(redisUrl: string): Promise<boolean> {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(Number(port || 6379), hostname);
  });
}
