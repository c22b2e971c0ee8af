import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  LoaderRegistry,
  logger,
  NOTIFIER,
  type NotificationCalendar,
  type Notifier,
} from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { AgendaItemRepository } from '../agenda/agenda-item.repository.js';
import { meetingCalendar, meetingDescription, meetingLink } from '../calendar/meeting-ical.js';
import type { MeetingEntity } from '../meetings/meeting.entities.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { type MeetingNoticeKind, MeetingNoticeRepository } from './meeting-notice.repository.js';

/** Attempts before a notice is given up (then `failed`); the delay doubles from 5 s. */
export const NOTICE_MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 5;

/** The iCalendar method each kind carries; the others have no calendar part. */
const CALENDAR_METHOD: Partial<Record<MeetingNoticeKind, NotificationCalendar['method']>> = {
  MEETING_INVITATION: 'REQUEST',
  MEETING_CHANGED: 'REQUEST',
  MEETING_CANCELLED: 'CANCEL',
};

const when = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

/** "Name <address>" as RFC 5546's ORGANIZER. */
function organizerOf(mailFrom: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(mailFrom);
  return m
    ? { name: m[1].replace(/^"|"$/g, '') || 'Bündnisportal', email: m[2] }
    : { name: 'Bündnisportal', email: mailFrom.trim() };
}

/**
 * Meeting notifications. A change writes one notice row in its own transaction (`enqueue`); the
 * worker later fans it out (`processNext`): the recipients are the alliance's active members from
 * the organisations of the invited partners (all of whom may read the meeting), and the notifier
 * writes their notifications and mails, with the iCalendar invitation, update or cancellation.
 * Claiming the notice, notifying and marking it done commit together: each notice goes out once.
 */
@Injectable()
export class MeetingNoticesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly notices: MeetingNoticeRepository,
    private readonly meetings: MeetingRepository,
    private readonly agenda: AgendaItemRepository,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  /** One row in the change's transaction, whatever the number of people it will reach. */
  enqueue(em: EntityManager, kind: MeetingNoticeKind, meeting: Pick<MeetingEntity, 'id'>, actorId: string) {
    return this.notices.insert(em, meeting.id, kind, actorId);
  }

  /** Fans out the oldest due notice; false when there was none. */
  async processNext(): Promise<boolean> {
    let claimed: { id: string; attempts: number } | null = null;
    try {
      return await this.dataSource.transaction(async (em) => {
        const notice = await this.notices.claimNext(em);
        if (!notice) return false;
        claimed = notice;
        const recipients = await this.fanOut(em, notice.meetingId, notice.kind, notice.actorId);
        await this.notices.markDone(em, notice.id, recipients);
        return true;
      });
    } catch (err) {
      if (!claimed) throw err;
      const { id, attempts } = claimed as { id: string; attempts: number };
      const final = attempts + 1 >= NOTICE_MAX_ATTEMPTS;
      const reason = (err as Error).message ?? String(err);
      await this.notices.recordFailure(
        this.dataSource.manager,
        id,
        reason,
        FIRST_RETRY_SECONDS * 2 ** attempts,
        final,
      );
      // The notice id and the error only: no recipient, no title.
      logger.warn({ component: 'meeting-notices', noticeId: id, reason, final }, 'meeting notice failed');
      return true;
    }
  }

  /** Pending notices: 0 once the fan-out has caught up. */
  pending(): Promise<number> {
    return this.notices.pendingCount(this.dataSource.manager);
  }

  private async fanOut(
    em: EntityManager,
    meetingId: string,
    kind: MeetingNoticeKind,
    actorId: string | null,
  ): Promise<number> {
    const meeting = await this.meetings.find(em, meetingId);
    if (!meeting) return 0;
    const loaders = new LoaderRegistry();
    const invited = (await this.meetings.invitedOf([meeting.id])).map((r) => r.partnerId);
    const partners = await this.alliances.partnerLoader(loaders).loadMany(invited);
    const organisationIds = [
      ...new Set(partners.flatMap((p) => (p && !(p instanceof Error) ? [p.organisationId] : []))),
    ];
    const recipientUserIds = await this.users.activeMembersOfOrganisations(
      em,
      meeting.allianceId,
      organisationIds,
    );
    const publicUrl = this.config.people.publicUrl;
    const link = meetingLink(publicUrl, meeting.id);
    const params: Record<string, string> = {
      meetingTitle: meeting.title,
      startsAt: when.format(new Date(meeting.startsAt)),
    };
    if (kind === 'MINUTES_APPROVED') params.pdfUrl = `${publicUrl}/meetings/${meeting.id}/minutes.pdf`;
    const method = CALENDAR_METHOD[kind];
    let calendar: NotificationCalendar | undefined;
    if (method) {
      const alliance = await this.alliances.allianceLoader(loaders).load(meeting.allianceId);
      const agenda = (await this.agenda.ofMeetings([meeting.id])).map((i) => i.title);
      calendar = {
        method,
        content: meetingCalendar({ method, organizer: organizerOf(this.config.people.mailFrom) }, [
          {
            meeting,
            description: meetingDescription(meeting, alliance?.name ?? '', agenda, link),
            url: link,
          },
        ]),
      };
    }
    return this.notifier.notify(em, {
      kind,
      recipientUserIds,
      allianceId: meeting.allianceId,
      objectType: 'Meeting',
      objectId: meeting.id,
      params,
      actorId,
      calendar,
      // Drafts are saved often: "ready for approval" reaches each person once per meeting.
      dedupeKey: kind === 'MINUTES_READY' ? `minutes-ready:${meeting.id}` : undefined,
    });
  }
}
