import { GraphQLError } from 'graphql';
import { RedisPubSub, type PubSubRedisOptions } from 'graphql-redis-subscriptions';
import type { Redis } from 'ioredis';
import { ErrorCode } from '../errors/domain-error.js';

/** The message a subscriber gets when events may have been missed (README, "Live updates and Redis"). */
export const LIVE_UPDATES_INTERRUPTED =
  'Live updates were interrupted and events may have been missed: subscribe again and reload';

export function liveUpdatesInterrupted(): GraphQLError {
  return new GraphQLError(LIVE_UPDATES_INTERRUPTED, { extensions: { code: ErrorCode.UNAVAILABLE } });
}

/**
 * RedisPubSub that tells its subscribers when they may miss events. When the subscriber connection
 * to Redis closes, every open subscription ends with an UNAVAILABLE error (graphql-ws `error`); while
 * it is down, a new subscription ends so at once. Once Redis is back (`ready`), subscriptions work
 * again; the client subscribes anew and reloads what it shows. Events published meanwhile are lost
 * (Redis Pub/Sub keeps nothing), but nobody is left believing to be up to date.
 */
export class OutageSignallingRedisPubSub extends RedisPubSub {
  private readonly open = new Set<(err: GraphQLError) => void>();
  private down = false;
  private closing = false;

  constructor(options: PubSubRedisOptions & { subscriber: Redis }) {
    super(options);
    options.subscriber.on('close', () => this.lost());
    options.subscriber.on('ready', () => (this.down = false));
  }

  /** Whether subscriptions are refused right now (the subscriber connection is down). */
  get interrupted(): boolean {
    return this.down;
  }

  // RedisPubSub declares it `any`; PubSubEngine expects its own iterator class, which this wraps.
  override asyncIterableIterator<T>(
    triggers: string | string[],
    options?: unknown,
  ): ReturnType<RedisPubSub['asyncIterableIterator']> {
    if (this.down) return failing<T>(liveUpdatesInterrupted());
    const inner: AsyncIterableIterator<T> = super.asyncIterableIterator<T>(triggers, options);
    let broken: GraphQLError | undefined;
    let fail!: (err: GraphQLError) => void;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    const onOutage = (err: GraphQLError) => {
      broken = err;
      fail(err);
      void inner.return?.();
    };
    this.open.add(onOutage);
    const forget = () => this.open.delete(onOutage);
    return {
      async next() {
        if (broken) {
          forget();
          throw broken;
        }
        try {
          return await Promise.race([inner.next(), failed]);
        } catch (err) {
          forget();
          throw err;
        }
      },
      async return() {
        forget();
        return (await inner.return?.()) ?? { value: undefined, done: true };
      },
      async throw(err?: unknown) {
        forget();
        return inner.throw ? inner.throw(err) : Promise.reject(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /**
   * As RedisPubSub's, but an unsubscribe sent while Redis is gone must not fail the process (its
   * command is rejected later, after ioredis's retries, and RedisPubSub does not await it).
   */
  override unsubscribe(subId: number): void {
    const self = this as unknown as {
      subscriptionMap: Record<number, [string, unknown] | undefined>;
      subsRefsMap: Map<string, Set<number>>;
      getSubscriber(): Redis;
    };
    const [triggerName] = self.subscriptionMap[subId] ?? [];
    const refs = triggerName === undefined ? undefined : self.subsRefsMap.get(triggerName);
    if (!refs || triggerName === undefined) throw new Error(`There is no subscription of id "${subId}"`);
    if (refs.size === 1) {
      self
        .getSubscriber()
        .unsubscribe(triggerName)
        .catch(() => undefined);
      self
        .getSubscriber()
        .punsubscribe(triggerName)
        .catch(() => undefined);
      self.subsRefsMap.delete(triggerName);
    } else refs.delete(subId);
    delete self.subscriptionMap[subId];
  }

  override async close(): Promise<'OK'[]> {
    this.closing = true;
    return super.close();
  }

  private lost(): void {
    if (this.closing) return;
    this.down = true;
    const err = liveUpdatesInterrupted();
    for (const end of [...this.open]) end(err);
    this.open.clear();
  }
}

function failing<T>(err: GraphQLError): AsyncIterableIterator<T> {
  return {
    next: () => Promise.reject(err),
    return: async () => ({ value: undefined, done: true }),
    throw: (e?: unknown) => Promise.reject(e),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
