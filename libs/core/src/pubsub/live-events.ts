import type { PubSubEngine } from 'graphql-subscriptions';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { logger } from '../logging/logger.js';

/** One message for one PubSub trigger (JSON-safe: it may cross Redis). */
export interface LiveMessage<T> {
  trigger: string;
  payload: T;
}

/**
 * Publishes messages after the transaction that caused them commits: a rolled-back change is never
 * announced. Each context keeps one instance per kind of event (`meetingEvents`, `handoverEvents`).
 */
export class AfterCommitPublisher<T> {
  private readonly pending = new WeakMap<QueryRunner, LiveMessage<T>[]>();

  constructor(
    dataSource: DataSource,
    private readonly pubSub: PubSubEngine,
    private readonly component: string,
  ) {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        // Savepoints also "commit"; only the outermost commit makes the change visible.
        if (event.queryRunner.isTransactionActive) return;
        const messages = this.pending.get(event.queryRunner);
        if (!messages) return;
        this.pending.delete(event.queryRunner);
        for (const m of messages) void this.publish(m);
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    dataSource.subscribers.push(subscriber);
  }

  /** Schedules the messages for after the commit of `em`'s transaction (at once without one). */
  schedule(em: EntityManager, messages: LiveMessage<T>[]): void {
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) {
      for (const m of messages) void this.publish(m);
      return;
    }
    const list = this.pending.get(qr);
    if (list) list.push(...messages);
    else this.pending.set(qr, [...messages]);
  }

  private async publish(message: LiveMessage<T>): Promise<void> {
    try {
      await this.pubSub.publish(message.trigger, message.payload);
    } catch (err) {
      logger.warn({ component: this.component, err: (err as Error).message }, 'event not published');
    }
  }
}

/**
 * `events`, each passed through `gate` before it is delivered: the gate answers what the subscriber
 * receives, or null when they may no longer receive anything. At the first null (or failed) gate the
 * iterator ends, so graphql-ws sends `complete` and the client learns that the subscription ended.
 * `return` goes straight to `events`: an unsubscribe ends a pending `next` at once (an async
 * generator would wait for the next event first and keep the PubSub subscription until then).
 */
export function gatedIterator<T, U>(
  events: AsyncIterableIterator<T>,
  gate: (event: T) => Promise<U | null>,
  component: string,
): AsyncIterableIterator<U> {
  const end = async (): Promise<IteratorResult<U>> => {
    await events.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<U>> {
      const result = await events.next();
      if (result.done) return { value: undefined, done: true };
      const value = await gate(result.value).catch((err: Error) => {
        logger.warn({ component, err: err.message }, 'subscriber check failed: subscription ended');
        return null;
      });
      return value === null ? end() : { value, done: false };
    },
    return: end,
    throw: async (err?: unknown) => {
      await events.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
