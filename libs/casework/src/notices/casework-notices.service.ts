import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  DAILY_JOBS,
  type DailyJobs,
  LoaderRegistry,
  NOTIFIER,
  type NotificationKind,
  type Notifier,
  Role,
} from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import type { HandoverModel } from '../casework.models.js';
import { CaseworkNoticeRepository, type EndedAccess } from './casework-notice.repository.js';

export const CONSENT_EXPIRY_JOB = 'consent-expiry-notices';
/** A missed run is caught up for this long (each access ends once: the dedupe key). */
const EXPIRY_LOOKBACK_DAYS = 8;

/**
 * Who hears of handovers and of ended access. Case workers of an organisation see its handovers
 * (DESIGN.md), so the recipients are the active CASE_WORKERs of the organisation concerned, as
 * identity answers. What leaves casework is the case REFERENCE and the organisations' names, never
 * a client's data and never a text a case worker typed (a decline reason stays on the case page).
 */
@Injectable()
export class CaseworkNotices implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    @Inject(DAILY_JOBS) private readonly jobs: DailyJobs,
    private readonly repo: CaseworkNoticeRepository,
    private readonly users: UsersService,
    private readonly alliances: AllianceService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CONSENT_EXPIRY_JOB, (now) => this.expired(now).then(() => undefined));
  }

  /** To the receiving organisation's case workers: a handover waits in their inbox. */
  async requested(em: EntityManager, actor: Actor, h: HandoverModel, reference: string): Promise<void> {
    const recipients = await this.users.activeWithRoleInOrganisation(
      em,
      h.toOrganisationId,
      Role.CASE_WORKER,
    );
    await this.send(em, actor, 'HANDOVER_REQUESTED', 'Handover', h.id, recipients, {
      caseReference: reference,
      ...(await this.names(h.fromOrganisationId, h.toOrganisationId)),
    });
  }

  /**
   * The answer to a request: to the case worker who requested it and the case's case worker, while
   * they are still case workers of the sending organisation (the owner, who sees the case).
   */
  async answered(
    em: EntityManager,
    actor: Actor,
    h: HandoverModel,
    kind: 'HANDOVER_ACCEPTED' | 'HANDOVER_DECLINED' | 'HANDOVER_COMPLETED',
  ): Promise<void> {
    const c = await this.repo.reference(em, h.caseId);
    if (!c) return;
    const senders = new Set(
      await this.users.activeWithRoleInOrganisation(em, h.fromOrganisationId, Role.CASE_WORKER),
    );
    const recipients = [h.requestedById, c.caseWorkerId].filter(
      (id): id is string => !!id && senders.has(id),
    );
    await this.send(em, actor, kind, 'Case', h.caseId, recipients, {
      caseReference: c.reference,
      ...(await this.names(h.fromOrganisationId, h.toOrganisationId)),
    });
  }

  /** Before a withdrawal is written: the accesses it is about to end. */
  endingWith(em: EntityManager, consentId: string): Promise<EndedAccess[]> {
    return this.repo.activeUnder(em, consentId);
  }

  /** To the receiving organisations' case workers: their access through the consent has ended. */
  async accessEnded(
    em: EntityManager,
    actor: Actor | null,
    ended: EndedAccess[],
    cause: 'WITHDRAWN' | 'EXPIRED',
  ): Promise<number> {
    let written = 0;
    for (const e of ended) {
      const recipients = await this.users.activeWithRoleInOrganisation(
        em,
        e.toOrganisationId,
        Role.CASE_WORKER,
      );
      written += await this.send(
        em,
        actor,
        'CASE_ACCESS_ENDED',
        'Handover',
        e.handoverId,
        recipients,
        {
          caseReference: e.reference,
          cause,
          ...(await this.names(e.fromOrganisationId, e.toOrganisationId)),
        },
        `consent-ended:${e.consentId}`,
      );
    }
    return written;
  }

  /** The daily job: consents that expired since the last runs end their handovers' access. */
  async expired(now: Date): Promise<number> {
    const from = new Date(now.getTime() - EXPIRY_LOOKBACK_DAYS * 86_400_000);
    const ended = await this.repo.expiredBetween(this.dataSource.manager, from, now);
    let written = 0;
    for (const e of ended)
      written += await this.dataSource.transaction((em) => this.accessEnded(em, null, [e], 'EXPIRED'));
    return written;
  }

  private async names(
    fromId: string,
    toId: string,
  ): Promise<{ fromOrganisation: string; toOrganisation: string }> {
    const [from, to] = await this.alliances.organisationLoader(new LoaderRegistry()).loadMany([fromId, toId]);
    const name = (o: unknown) => (o && !(o instanceof Error) ? (o as { name: string }).name : '');
    return { fromOrganisation: name(from), toOrganisation: name(to) };
  }

  private send(
    em: EntityManager,
    actor: Actor | null,
    kind: NotificationKind,
    objectType: 'Handover' | 'Case',
    objectId: string,
    recipients: string[],
    params: Record<string, string>,
    dedupeKey?: string,
  ): Promise<number> {
    return this.notifier.notify(em, {
      kind,
      recipientUserIds: recipients,
      allianceId: null,
      objectType,
      objectId,
      params,
      actorId: actor?.userId ?? null,
      dedupeKey,
    });
  }
}
