import { createClient } from 'graphql-ws';
import { Socket } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { type OutageSignallingRedisPubSub, PUB_SUB } from '../../libs/core/src/index.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { CuttableProxy } from '../utils/redis-proxy.js';
import { taskEventsTrigger, waitForSubscriptions } from '../utils/subscriptions.js';
import { until as eventually } from '../utils/eventually.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aCoordinationAlliance, createTask } from '../coordination/helpers.js';

/**
 * Redis goes away for one instance (a loopback TCP proxy between it and the machine's Redis is cut,
 * the shared Redis itself keeps running): its subscribers learn that they may miss events (their
 * subscription ends with UNAVAILABLE), and once Redis is back new subscriptions hear events again.
 */
const SUBSCRIPTION = `subscription($a: ID!) { taskEvents(allianceId: $a) { change task { id title } } }`;

interface Listener {
  events: any[];
  errors: any[];
  ended: Promise<void>;
  dispose(): Promise<void>;
}

function listenTo(url: string, token: string, allianceId: string): Listener {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { token },
    retryAttempts: 0,
  });
  const l: Listener = {
    events: [],
    errors: [],
    ended: Promise.resolve(),
    dispose: async () => client.dispose(),
  };
  l.ended = new Promise<void>((resolve) =>
    client.subscribe(
      { query: SUBSCRIPTION, variables: { a: allianceId } },
      {
        next: (v) => l.events.push(v),
        error: (e) => (l.errors.push(e), resolve()),
        complete: () => resolve(),
      },
    ),
  );
  return l;
}

const until = (what: string, done: () => Promise<boolean> | boolean) =>
  eventually(done, { what, timeoutMs: 30_000 });

function within<T>(promise: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisReachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(redisUrl);
  const socket = new Socket();
  socket.setTimeout(1000);
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => (socket.destroy(), resolve(false)));
  socket.connect(Number(port || 6379), hostname);
});
const run = redisReachable || process.env.REQUIRE_REDIS === '1';
if (!run)
  console.warn(
    `Skipping the Redis outage test: Redis at ${redisUrl} is not reachable (CI sets REQUIRE_REDIS=1)`,
  );

(run ? describe : describe.skip)('a Redis outage for the subscribing instance', () => {
  let proxy: CuttableProxy;
  let publisher: TestApp;
  let subscriber: TestApp;
  let wsUrl: string;
  let a: BuiltAlliance;

  beforeAll(async () => {
    if (!redisReachable) throw new Error(`REQUIRE_REDIS=1, but Redis at ${redisUrl} is not reachable`);
    const target = new URL(redisUrl);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 6379) });
    await proxy.start();
    const proxied = new URL(redisUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    publisher = await startTestApp({ REDIS_URL: redisUrl });
    subscriber = await startTestApp({ DATABASE_URL: publisher.databaseUrl, REDIS_URL: proxied.toString() });
    const { port } = (await subscriber.app.listen(0, '127.0.0.1')).address();
    wsUrl = `ws://127.0.0.1:${port}/graphql`;
    a = await aCoordinationAlliance(publisher);
  });
  afterAll(async () => {
    await subscriber?.close();
    await publisher?.close();
    await proxy?.close();
  });

  const publish = (title: string) =>
    createTask(publisher, a.users.coord.token, {
      allianceId: a.allianceId,
      title,
      leadPartnerId: a.partners.city,
    });
  const trigger = () => taskEventsTrigger(a.allianceId);

  it('ends the subscription with UNAVAILABLE; while Redis is gone new ones end at once; afterwards events arrive again', async () => {
    const before = listenTo(wsUrl, a.users.observer.token, a.allianceId);
    await waitForSubscriptions(subscriber, trigger(), (r) => r.length >= 1, 'the first subscriber');
    await publish('vor dem Ausfall');
    await until('the event before the outage', () => before.events.length === 1);

    await proxy.cut();
    await publish('während des Ausfalls');
    await within(before.ended, 'the subscriber to learn of the outage');
    expect(before.errors).toHaveLength(1);
    expect(before.errors[0][0].extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(before.errors[0][0].message).toMatch(/subscribe again and reload/);
    expect(before.events.map((e) => e.data.taskEvents.task.title)).toEqual(['vor dem Ausfall']);

    // /ready says so, and a subscription opened now ends at once with the same signal.
    await until('/ready to say redis degraded', async () => {
      const res = await request(subscriber.http).get('/ready');
      return res.body.redis === 'degraded';
    });
    const during = listenTo(wsUrl, a.users.observer.token, a.allianceId);
    await within(during.ended, 'a subscription during the outage to end');
    expect(during.errors[0][0].extensions).toEqual({ code: 'UNAVAILABLE' });

    await proxy.start();
    await until('/ready to say redis ok', async () => {
      const res = await request(subscriber.http).get('/ready');
      return res.body.redis === 'ok';
    });
    const pubSub = subscriber.app.get<symbol, OutageSignallingRedisPubSub>(PUB_SUB);
    await until('the subscriber connection to be ready again', () => !pubSub.interrupted);
    const after = listenTo(wsUrl, a.users.observer.token, a.allianceId);
    await waitForSubscriptions(subscriber, trigger(), (r) => r.length >= 1, 'a subscriber after the outage');
    await publish('nach dem Ausfall');
    await until('the event after the outage', () => after.events.length >= 1);
    expect(after.errors).toEqual([]);
    expect(after.events.map((e) => e.data.taskEvents.task.title)).toEqual(['nach dem Ausfall']);
    await Promise.all([before, during, after].map((l) => l.dispose()));
  });
});
