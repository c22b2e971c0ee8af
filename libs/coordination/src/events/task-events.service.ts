import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { type Actor, logger, PUB_SUB } from '../../../core/src/index.js';
import { TaskChange } from '../coordination.enums.js';
import { TaskEntity } from '../tasks/task.entities.js';

/** What travels through the PubSub (JSON-safe, also through Redis). */
export interface TaskEventMessage {
  change: TaskChange;
  task: Record<string, unknown>;
}

const trigger = (allianceId: string) => `taskEvents:${allianceId}`;

/** Rebuilds the entity from a message that may have crossed Redis (dates as ISO strings). */
export function taskFromMessage(task: Record<string, any>): TaskEntity {
  return Object.assign(new TaskEntity(), {
    ...task,
    completedAt: task.completedAt ? new Date(task.completedAt) : null,
    createdAt: new Date(task.createdAt),
    updatedAt: new Date(task.updatedAt),
  });
}

/**
 * Publishes task events after the transaction that caused them commits, on one channel per
 * alliance: a rolled-back change is never announced, and subscribers only hear their alliance.
 */
@Injectable()
export class TaskEventsService implements OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, TaskEventMessage[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  onModuleInit(): void {
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
    this.dataSource.subscribers.push(subscriber);
  }

  /** Schedules the events for after the commit of `em`'s transaction (at once without one). */
  schedule(em: EntityManager, change: TaskChange, tasks: TaskEntity[]): void {
    const messages = tasks.map((t) => ({
      change,
      task: JSON.parse(JSON.stringify(t)) as Record<string, unknown>,
    }));
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) {
      for (const m of messages) void this.publish(m);
      return;
    }
    const list = this.pending.get(qr);
    if (list) list.push(...messages);
    else this.pending.set(qr, messages);
  }

  private async publish(message: TaskEventMessage): Promise<void> {
    try {
      await this.pubSub.publish(trigger(String(message.task.allianceId)), message);
    } catch (err) {
      logger.warn({ component: 'pubsub', err: (err as Error).message }, 'task event not published');
    }
  }

  /**
   * The alliance's events for one subscriber. Membership and session are checked again before each
   * event: a subscription outlives the check at its start. Someone removed from the alliance (or
   * whose session ended) hears nothing more: the subscription completes (graphql-ws `complete`) at
   * the first event after that, so the client also learns that it ended.
   */
  iterator(
    actor: Actor,
    allianceId: string,
    sessionId?: string,
  ): Promise<AsyncIterableIterator<TaskEventMessage>> {
    const events = this.pubSub.asyncIterableIterator<TaskEventMessage>(trigger(allianceId));
    return Promise.resolve(whileTrue(events, () => this.stillMember(actor, allianceId, sessionId)));
  }

  private async stillMember(actor: Actor, allianceId: string, sessionId?: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT (u.platform_admin OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.alliance_id = $2))
              AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.family_id = $3::uuid AND s.revoked_at IS NOT NULL) AS ok
         FROM users u WHERE u.id = $1`,
      [actor.userId, allianceId, sessionId ?? null],
    );
    return !!row?.ok;
  }
}

/**
 * `events` for as long as `check` answers true before each one; ends at the first false (or failed)
 * check. `return` goes straight to `events`, so an unsubscribe ends a pending `next` at once (an
 * async generator would wait for the next event first and keep the PubSub subscription until then).
 */
function whileTrue<T>(
  events: AsyncIterableIterator<T>,
  check: () => Promise<boolean>,
): AsyncIterableIterator<T> {
  const end = async (): Promise<IteratorResult<T>> =>
    (await events.return?.()) ?? { value: undefined, done: true };
  return {
    async next() {
      const result = await events.next();
      if (result.done) return result;
      const ok = await check().catch((err: Error) => {
        logger.warn({ component: 'pubsub', err: err.message }, 'subscriber check failed: subscription ended');
        return false;
      });
      return ok ? result : end();
    },
    return: end,
    throw: (err?: unknown) => events.throw?.(err) ?? Promise.reject(err),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
