import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, AfterCommitPublisher, gatedIterator, PUB_SUB } from '../../core/src/index.js';
import { AuthService } from '../../identity/src/index.js';
import type { HandoverChange } from './casework.enums.js';
import type { HandoverEventModel } from './casework.models.js';
import { isCaseWorker } from './casework.rules.js';

export const handoverEventsTrigger = (organisationId: string) => `handoverEvents:${organisationId}`;

/** The organisations on both sides of a handover, and the ids the event carries. */
export interface HandoverParties {
  id: string;
  caseId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
}

/**
 * Live handover events, one channel per organisation (both sides of a handover hear it), published
 * after the commit, through Redis across instances when REDIS_URL is set. An event carries ids only,
 * never a client's data: the inbox and the case page read what they may see again.
 */
@Injectable()
export class HandoverEventsService {
  private readonly publisher: AfterCommitPublisher<HandoverEventModel>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly auth: AuthService,
  ) {
    this.publisher = new AfterCommitPublisher(dataSource, pubSub, 'handover-events');
  }

  /**
   * `sides`: a handover that waits for its legal basis's approval is the sender's alone; the
   * receiving organisation hears of it once it is approved.
   */
  schedule(
    em: EntityManager,
    change: HandoverChange,
    handovers: HandoverParties[],
    sides: 'both' | 'sender' | 'receiver' = 'both',
  ): void {
    const orgs = (h: HandoverParties) =>
      sides === 'sender'
        ? [h.fromOrganisationId]
        : sides === 'receiver'
          ? [h.toOrganisationId]
          : [h.fromOrganisationId, h.toOrganisationId];
    this.publisher.schedule(
      em,
      handovers.flatMap((h) =>
        orgs(h).map((org) => ({
          trigger: handoverEventsTrigger(org),
          payload: { change, handoverId: h.id, caseId: h.caseId },
        })),
      ),
    );
  }

  /**
   * The events of the caller's organisation. Before each event the user and session are read again:
   * once they are no CASE_WORKER any more, belong to another organisation or the session has ended,
   * the subscription completes instead of delivering it.
   */
  iterator(actor: Actor): AsyncIterableIterator<HandoverEventModel> {
    const organisationId = actor.organisationId;
    const events = this.pubSub.asyncIterableIterator<HandoverEventModel>(
      handoverEventsTrigger(organisationId),
    );
    return gatedIterator(
      events,
      async (event) => {
        const current = await this.auth.actorOf(actor.userId, actor.sessionId);
        return isCaseWorker(current) && current.organisationId === organisationId ? event : null;
      },
      'handover-events',
    );
  }
}
