import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, AfterCommitPublisher, PUB_SUB, whileTrue } from '../../../core/src/index.js';
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
  private publisher!: AfterCommitPublisher<NotificationEventMessage>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    this.publisher = new AfterCommitPublisher(this.dataSource, this.pubSub, 'notification-events');
  }

  /** Schedules the events for after the commit of `em`'s transaction (at once without one). */
  schedule(em: EntityManager, messages: NotificationEventMessage[]): void {
    if (!messages.length) return;
    this.publisher.schedule(
      em,
      messages.map((m) => ({ trigger: trigger(m.userId), payload: m })),
    );
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
