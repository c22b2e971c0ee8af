import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  isUuid,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationRequest,
  type Notifier,
} from '../../../core/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { NotificationEventsService } from './notification-events.service.js';
import { DEFAULT_DELIVERY, type Delivery } from './notification-kinds.js';
import { immediateMail, type MailLinks } from './notification-mail.js';
import { NotificationRepository } from './notification.repository.js';
import { unsubscribeToken } from './unsubscribe-token.js';

const MAX_PARAM_LENGTH = 300;

/**
 * Writes notifications in the caller's transaction (the NOTIFIER port): one row per recipient,
 * the immediate mails with their delivery jobs, and the push events for after the commit. The
 * number of SQL statements does not depend on the number of recipients (five at most).
 */
@Injectable()
export class NotificationsService implements Notifier {
  readonly links: MailLinks;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationRepository,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly events: NotificationEventsService,
  ) {
    this.links = {
      publicUrl: config.people.publicUrl,
      unsubscribeUrl: (userId, kind) =>
        `${config.people.publicUrl}/mail/unsubscribe?token=${unsubscribeToken(config.jwtSecret, { userId, kind })}`,
    };
  }

  async notify(em: EntityManager, request: NotificationRequest): Promise<number> {
    checkRequest(request);
    const ids = [...new Set(request.recipientUserIds)].filter((id) => isUuid(id) && id !== request.actorId);
    if (!ids.length) return 0;
    const contacts = await this.users.contactsOf(em, ids);
    if (!contacts.length) return 0;
    const chosen = await this.repo.preferencesOf(
      em,
      contacts.map((c) => c.id),
      request.kind,
    );
    const delivery = (userId: string): Delivery => chosen.get(userId) ?? DEFAULT_DELIVERY[request.kind];
    const rows = await this.repo.insertMany(
      em,
      {
        kind: request.kind,
        allianceId: request.allianceId,
        objectType: request.objectType,
        objectId: request.objectId,
        params: request.params,
        dedupeKey: request.dedupeKey ?? null,
      },
      contacts.map((c) => ({ recipientId: c.id, email: delivery(c.id) })),
    );
    const written = new Set(rows.map((r) => r.recipientId));
    const mails = contacts
      .filter((c) => written.has(c.id) && delivery(c.id) === 'IMMEDIATE')
      .map((c) => {
        const mail = immediateMail(c, request, this.links);
        return {
          recipient: c.email,
          language: c.language,
          template: `notification:${request.kind}`,
          ...mail,
          calendar: request.calendar ?? null,
        };
      });
    await this.outbox.enqueueRendered(em, mails);
    this.events.schedule(
      em,
      rows.map((r) => ({ userId: r.recipientId, change: 'CREATED' as const, notificationId: r.id })),
    );
    return rows.length;
  }
}

/** A programming error of the caller (never user input): refused before anything is written. */
function checkRequest(r: NotificationRequest): void {
  if (!NOTIFICATION_KINDS.includes(r.kind as NotificationKind))
    throw new Error(`unknown notification kind ${r.kind}`);
  if (!isUuid(r.objectId)) throw new Error('notification objectId must be a uuid');
  if (r.allianceId !== null && !isUuid(r.allianceId))
    throw new Error('notification allianceId must be a uuid');
  for (const [key, value] of Object.entries(r.params)) {
    if (typeof value !== 'string' || value.length > MAX_PARAM_LENGTH)
      throw new Error(
        `notification parameter ${key} must be a string of at most ${MAX_PARAM_LENGTH} characters`,
      );
  }
}
