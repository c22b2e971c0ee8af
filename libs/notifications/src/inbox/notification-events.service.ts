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
import { type Actor, logger, PUB_SUB, whileTrue } from '../../../core/src/index.js';
import { AuthService } from '../../../identity/src/index.js';

export type NotificationChange = 'CREATED' | 'READ' | 'ALL_READ';

/** What travels through the PubSub (JSON-safe, also through Redis): ids and the change only. */
export interface NotificationEventMessage {
  userId: string;
  change: NotificationChange;
  notificationId: string | null;
}

const trigger = (userId: string) => `notificationEvents:${userId}`;

/**
 * Publishes notification events after the transaction that wrote them commits, on one channel per
 * user: a rolled-back change is never announced, and nobody hears another user's notifications.
 * The message carries ids only; the subscriber's own query reads the notification.
 */
@Injectable()
export class NotificationEventsService implements OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, NotificationEventMessage[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
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
  schedule(em: EntityManager, messages: NotificationEventMessage[]): void {
    if (!messages.length) return;
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) {
      for (const m of messages) void this.publish(m);
      return;
    }
    const list = this.pending.get(qr);
    if (list) list.push(...messages);
    else this.pending.set(qr, [...messages]);
  }

  private async publish(message: NotificationEventMessage): Promise<void> {
    try {
      await this.pubSub.publish(trigger(message.userId), message);
    } catch (err) {
      logger.warn({ component: 'pubsub', err: (err as Error).message }, 'notification event not published');
    }
  }

  /**
   * The caller's own events. Before each event the account and the session are checked again: a
   * deactivated user or an ended session hears nothing more (the subscription completes).
   */
  iterator(actor: Actor, sessionId?: string): AsyncIterableIterator<NotificationEventMessage> {
    const events = this.pubSub.asyncIterableIterator<NotificationEventMessage>(trigger(actor.userId));
    return whileTrue(
      events,
      async (m) => m.userId === actor.userId && !!(await this.auth.actorOf(actor.userId, sessionId)),
    );
  }
}
