import { type Client, createClient } from 'graphql-ws';
import { Socket } from 'node:net';
import WebSocket from 'ws';
import { registeredSubscriptions, waitForSubscriptions } from './subscriptions.js';
import type { TestApp } from './test-app.js';

/** A graphql-ws subscriber that collects events, and the error, completion or close that ends it. */
export interface Subscriber {
  events: any[];
  errors: any[];
  completed: boolean;
  closed: { code?: number } | null;
  /** Resolves once `count` events arrived or the subscription ended (at the latest after 20 s). */
  next(count?: number): Promise<any[]>;
  dispose(): Promise<void>;
}

/** Lets the app listen on a free loopback port; the graphql-ws URL. */
export async function listen(t: TestApp): Promise<string> {
  const server = await t.app.listen(0, '127.0.0.1');
  const { port } = server.address();
  return `ws://127.0.0.1:${port}/graphql`;
}

export function subscribe(
  url: string,
  connectionParams: Record<string, unknown> | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Subscriber {
  const sub: Subscriber = { events: [], errors: [], completed: false, closed: null } as any;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  };
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      closed: (e: any) => {
        sub.closed = { code: e?.code };
        wake();
      },
    },
  });
  client.subscribe(
    { query, variables },
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
  sub.next = (count = 1) =>
    new Promise((resolve) => {
      const settled = () =>
        sub.events.length >= count || sub.errors.length > 0 || sub.completed || !!sub.closed;
      if (settled()) return resolve(sub.events);
      const timer = setTimeout(() => resolve(sub.events), 20_000);
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

/**
 * Opens one subscriber per token on `url` and waits until `app`'s PubSub has registered them all on
 * `trigger`: an event published before a subscription registers is not heard.
 */
export async function listening(
  app: TestApp,
  url: string,
  trigger: string,
  tokens: string[],
  query: string,
  variables: Record<string, unknown> = {},
  keep: Subscriber[] = [],
): Promise<Subscriber[]> {
  const before = registeredSubscriptions(app, trigger).length;
  const opened = tokens.map((token) => subscribe(url, { token }, query, variables));
  keep.push(...opened);
  await waitForSubscriptions(
    app,
    trigger,
    (r) => r.length >= before + opened.length,
    `${opened.length} more subscriptions`,
  );
  return opened;
}

/**
 * The Redis for fan-out tests: REDIS_URL, else the machine's (127.0.0.1:6379). Unreachable, the
 * test is skipped with a warning; under REQUIRE_REDIS=1 (CI) it runs and fails instead.
 */
export async function redisForFanOut(): Promise<{ url?: string; missing?: string; run: boolean }> {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (await reachable(url)) return { url, run: true };
  const missing = `Redis at ${url} is not reachable`;
  if (process.env.REQUIRE_REDIS === '1') return { missing, run: true };
  console.warn(`Skipping a two-instance fan-out test: ${missing} (CI sets REQUIRE_REDIS=1)`);
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
