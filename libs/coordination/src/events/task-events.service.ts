import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, AfterCommitPublisher, isMember, PUB_SUB, whileTrue } from '../../../core/src/index.js';
import { AuthService } from '../../../identity/src/index.js';
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
  private publisher!: AfterCommitPublisher<TaskEventMessage>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    this.publisher = new AfterCommitPublisher(this.dataSource, this.pubSub, 'task-events');
  }

  /** Schedules the events for after the commit of `em`'s transaction (at once without one). */
  schedule(em: EntityManager, change: TaskChange, tasks: TaskEntity[]): void {
    this.publisher.schedule(
      em,
      tasks.map((t) => ({
        trigger: trigger(t.allianceId),
        payload: { change, task: JSON.parse(JSON.stringify(t)) as Record<string, unknown> },
      })),
    );
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

  /** Identity answers whether the user (and the session) is still valid, with the user's current roles. */
  private async stillMember(actor: Actor, allianceId: string, sessionId?: string): Promise<boolean> {
    const current = await this.auth.actorOf(actor.userId, sessionId);
    return !!current && isMember(current, allianceId);
  }
}
