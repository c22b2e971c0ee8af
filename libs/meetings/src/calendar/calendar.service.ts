import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  LoaderRegistry,
} from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { AgendaItemRepository } from '../agenda/agenda-item.repository.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';
import { type CalendarMeeting, meetingCalendar, meetingDescription, meetingLink } from './meeting-ical.js';

/** How far back the feed reaches; upcoming meetings are always included. */
const FEED_HISTORY_DAYS = 400;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Each user's secret, revocable iCalendar feed. The token is derived from the feed row's id with a
 * server key, so its URL can be shown again; the table holds only the token's SHA-256 for look-up.
 */
@Injectable()
export class CalendarService {
  private readonly key: Buffer;
  private readonly publicUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
    private readonly feeds: CalendarFeedRepository,
    private readonly meetings: MeetingRepository,
    private readonly users: UsersService,
    private readonly alliances: AllianceService,
    private readonly agenda: AgendaItemRepository,
  ) {
    this.publicUrl = config.people.publicUrl;
    this.key = createHmac('sha256', config.jwtSecret).update('buendnisportal:calendar-feed').digest();
  }

  private tokenOf(feedId: string): string {
    return createHmac('sha256', this.key).update(feedId).digest('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private static path(token: string): string {
    return `/calendar/${token}.ics`;
  }

  async get(actor: Actor, origin: string): Promise<{ url: string; createdAt: Date } | null> {
    const feed = await this.feeds.ofUser(actor.userId);
    return feed
      ? { url: origin + CalendarService.path(this.tokenOf(feed.id)), createdAt: feed.createdAt }
      : null;
  }

  /** Creates the caller's feed or replaces it: the old URL stops working at once. */
  rotate(actor: Actor, origin: string): Promise<{ url: string; createdAt: Date }> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.feeds.replace(em, actor.userId);
      const token = this.tokenOf(row.id);
      await this.feeds.setTokenHash(em, row.id, CalendarService.hash(token));
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'rotateCalendarFeed',
        entityType: 'CalendarFeed',
        entityId: row.id,
        changedFields: ['token'],
      });
      return { url: origin + CalendarService.path(token), createdAt: row.createdAt };
    });
  }

  revoke(actor: Actor): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const id = await this.feeds.lockOfUser(em, actor.userId);
      if (!id) return false;
      await this.feeds.delete(em, id);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'revokeCalendarFeed',
        entityType: 'CalendarFeed',
        entityId: id,
        changedFields: ['token'],
      });
      return true;
    });
  }

  /** The feed's iCalendar text, or null for an unknown (or revoked) token. */
  async render(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const userId = await this.feeds.userOfTokenHash(CalendarService.hash(token));
    if (!userId) return null;
    const since = new Date(Date.now() - FEED_HISTORY_DAYS * 86_400_000);
    // Memberships and alliance names belong to identity and alliance: asked through their services.
    const allianceIds = await this.users.allianceIdsOf(userId);
    const meetings = await this.meetings.feed(allianceIds, since);
    const loaders = new LoaderRegistry();
    const alliances = await this.alliances
      .allianceLoader(loaders)
      .loadMany([...new Set(meetings.map((m) => m.allianceId))]);
    const allianceName = new Map(
      alliances.flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a.name] as const] : [])),
    );
    // Every agenda in one statement, in order.
    const agendas = new Map<string, string[]>();
    for (const item of meetings.length ? await this.agenda.ofMeetings(meetings.map((m) => m.id)) : [])
      agendas.set(item.meetingId, [...(agendas.get(item.meetingId) ?? []), item.title]);
    return meetingCalendar(
      { method: 'PUBLISH' },
      meetings.map((m) => {
        const link = meetingLink(this.publicUrl, m.id);
        return {
          meeting: m as CalendarMeeting,
          description: meetingDescription(
            m,
            allianceName.get(m.allianceId) ?? '',
            agendas.get(m.id) ?? [],
            link,
          ),
          url: link,
        };
      }),
    );
  }
}
