import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { PUB_SUB } from '../../libs/core/src/index.js';
import { until } from './eventually.js';
import type { TestApp } from './test-app.js';

/** The PubSub trigger of an alliance's task events (libs/coordination's task-events.service.ts). */
export const taskEventsTrigger = (allianceId: string) => `taskEvents:${allianceId}`;

/**
 * The subscriptions an app's PubSub has registered on a trigger, as opaque identities; with Redis
 * only those that Redis has confirmed. A subscribe message reaches the server and registers
 * asynchronously, and an event published before that is not heard: tests wait for this state
 * instead of sleeping. (It reads the engines' internals; a change there fails here, loudly.)
 */
export function registeredSubscriptions(t: TestApp, trigger: string): unknown[] {
  const pubSub = t.app.get<symbol, PubSubEngine>(PUB_SUB);
  if (pubSub instanceof RedisPubSub) {
    const refs = (pubSub as unknown as { subsRefsMap: Map<string, Set<number>> }).subsRefsMap;
    if (!(refs instanceof Map)) throw new Error('RedisPubSub no longer keeps subsRefsMap');
    return [...(refs.get(trigger) ?? [])];
  }
  if (pubSub instanceof PubSub) {
    const ee = (pubSub as unknown as { ee?: NodeJS.EventEmitter }).ee;
    if (!ee?.listeners) throw new Error('PubSub no longer keeps its EventEmitter as ee');
    return ee.listeners(trigger);
  }
  throw new Error(`unknown PubSub engine ${(pubSub as object).constructor.name}`);
}

/**
 * Waits until the registered subscriptions on `trigger` satisfy `done` (polled every 10 ms: the
 * engines announce no registration), or fails after `timeoutMs` saying what it waited for.
 */
export async function waitForSubscriptions(
  t: TestApp,
  trigger: string,
  done: (registered: unknown[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<unknown[]> {
  return until(
    () => {
      const registered = registeredSubscriptions(t, trigger);
      return done(registered) ? registered : null;
    },
    { what: `${what} on ${trigger}`, timeoutMs, intervalMs: 10 },
  );
}

/** The PubSub trigger of one meeting's events (libs/meetings' meeting-events.service.ts). */
export const meetingEventsTrigger = (meetingId: string) => `meetingEvents:${meetingId}`;

/** The PubSub trigger of an organisation's handover events (libs/casework's handover-events.service.ts). */
export const handoverEventsTrigger = (organisationId: string) => `handoverEvents:${organisationId}`;
