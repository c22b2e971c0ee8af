import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  AfterCommitPublisher,
  allianceWhere,
  gatedIterator,
  PUB_SUB,
} from '../../../core/src/index.js';
import { AuthService } from '../../../identity/src/index.js';
import type { MeetingEntity } from '../meetings/meeting.entities.js';
import type { MeetingChange } from '../meetings/meeting.enums.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';

/** What travels through the PubSub (ids only; each subscriber loads the meeting with its own access). */
export interface MeetingEventMessage {
  change: MeetingChange;
  meetingId: string;
}

export const meetingEventsTrigger = (meetingId: string) => `meetingEvents:${meetingId}`;

/**
 * Live changes of one meeting (attendance, quorum, decisions, agenda, state), published after the
 * commit of the change on one channel per meeting, through Redis across instances when REDIS_URL is
 * set. Mirrors coordination's task events.
 */
@Injectable()
export class MeetingEventsService {
  private readonly publisher: AfterCommitPublisher<MeetingEventMessage>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly auth: AuthService,
    private readonly repo: MeetingRepository,
  ) {
    this.publisher = new AfterCommitPublisher(dataSource, pubSub, 'meeting-events');
  }

  /** Announces `change` of the meeting once `em`'s transaction commits. */
  schedule(em: EntityManager, change: MeetingChange, meeting: Pick<MeetingEntity, 'id'>): void {
    this.publisher.schedule(em, [
      { trigger: meetingEventsTrigger(meeting.id), payload: { change, meetingId: meeting.id } },
    ]);
  }

  /**
   * The meeting's events for one subscriber. Before each event the user, their session and their
   * membership in the meeting's alliance are read again (a subscription outlives the check at its
   * start): once access has ended the subscription completes instead of delivering the event.
   */
  iterator(
    actor: Actor,
    meetingId: string,
  ): AsyncIterableIterator<{ change: MeetingChange; meeting: MeetingEntity }> {
    const events = this.pubSub.asyncIterableIterator<MeetingEventMessage>(meetingEventsTrigger(meetingId));
    return gatedIterator(
      events,
      async (message) => {
        const current = await this.auth.actorOf(actor.userId, actor.sessionId);
        const scope = current && allianceWhere(current);
        if (!scope) return null;
        const meeting = await this.repo.findById(meetingId, scope);
        return meeting ? { change: message.change, meeting } : null;
      },
      'meeting-events',
    );
  }
}
