import { type Client, createClient } from 'graphql-ws';
import { Socket } from 'node:net';
import WebSocket from 'ws';
import { waitForSubscriptions } from '../utils/subscriptions.js';
import type { TestApp } from '../utils/test-app.js';

export const NOTIFICATION_EVENTS = `subscription { notificationEvents { change unreadCount
  notification { id kind objectType objectId title(language: de) text(language: de) params { key value } } } }`;

/** The PubSub trigger of a user's notification events (libs/notifications). */
export const notificationTrigger = (userId: string) => `notificationEvents:${userId}`;

/** A graphql-ws subscriber that collects its events and how it ended. */
export interface Subscriber {
  events: any[];
  errors: any[];
  completed: boolean;
  closed: boolean;
  /** Resolves once `count` events arrived or the subscription ended (at the latest after `ms`). */
  next(count?: number, ms?: number): Promise<any[]>;
  dispose(): Promise<void>;
}

/** The app's graphql-ws URL (listening on a free port). */
export async function wsUrl(t: TestApp): Promise<string> {
  const server = await t.app.listen(0, '127.0.0.1');
  return `ws://127.0.0.1:${server.address().port}/graphql`;
}

export function subscribe(url: string, token: string | undefined, query = NOTIFICATION_EVENTS): Subscriber {
  const sub = { events: [], errors: [], completed: false, closed: false } as unknown as Subscriber;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      closed: () => {
        sub.closed = true;
        wake();
      },
    },
  });
  client.subscribe(
    { query },
    {
      next: (v) => {
        sub.events.push(v);
        wake();
      },
      error: (e) => {
        sub.errors.push(e);
        wake();
      },
      complete: () => {
        sub.completed = true;
        wake();
      },
    },
  );
  sub.next = (count = 1, ms = 20_000) =>
    new Promise((resolve) => {
      const settled = () =>
        sub.events.length >= count || sub.errors.length > 0 || sub.completed || sub.closed;
      if (settled()) return resolve(sub.events);
      const timer = setTimeout(() => resolve(sub.events), ms);
      const check = () => {
        if (!settled()) return void waiters.push(check);
        clearTimeout(timer);
        resolve(sub.events);
      };
      waiters.push(check);
    });
  sub.dispose = () => client.dispose() as Promise<void>;
  return sub;
}

/** Opens a subscriber for the user and waits until the app's PubSub has registered it. */
export async function listening(
  t: TestApp,
  url: string,
  user: { id: string; token: string },
): Promise<Subscriber> {
  const before = (await waitForSubscriptions(t, notificationTrigger(user.id), () => true, 'nothing')).length;
  const sub = subscribe(url, user.token);
  await waitForSubscriptions(
    t,
    notificationTrigger(user.id),
    (r) => r.length > before,
    `the notification subscription of ${user.id}`,
  );
  return sub;
}

/** Redis for the fan-out across instances: required under CI (REQUIRE_REDIS=1). */
export async function redisForFanOut(): Promise<{ url?: string; missing?: string; run: boolean }> {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (await reachable(url)) return { url, run: true };
  const missing = `Redis at ${url} is not reachable`;
  if (process.env.REQUIRE_REDIS === '1') return { missing, run: true };
  console.warn(`Skipping the two-instance notification test: ${missing} (CI sets REQUIRE_REDIS=1)`);
  return { missing, run: false };
}

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
