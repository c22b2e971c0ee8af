import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  countWhenSelected,
  decodeCursor,
  DomainError,
  isUuid,
  NOTIFICATION_KINDS,
  type NotificationKind,
  pageSize,
  toPage,
} from '../../../core/src/index.js';
import { NotificationEventsService } from './notification-events.service.js';
import { DEFAULT_DELIVERY, type Delivery } from './notification-kinds.js';
import { NotificationRepository, type NotificationRow } from './notification.repository.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

export interface PreferenceView {
  kind: NotificationKind;
  delivery: Delivery;
  defaultDelivery: Delivery;
}

/**
 * The signed-in user's own notifications and preferences. Every query names the caller as the
 * recipient: nobody reads or marks another user's notifications (a foreign id is NOT_FOUND).
 */
@Injectable()
export class NotificationInboxService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: NotificationRepository,
    private readonly events: NotificationEventsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, first?: number | null, after?: string | null, unreadOnly = false) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | undefined;
    const em = this.dataSource.manager;
    const rows = await this.repo.page(em, actor.userId, { unreadOnly, limit, after: cursor });
    return toPage(
      rows,
      limit,
      countWhenSelected(() => this.repo.count(em, actor.userId, unreadOnly)),
      (r) => [new Date(r.createdAt).toISOString(), r.id],
    );
  }

  unreadCount(userId: string): Promise<number> {
    return this.repo.count(this.dataSource.manager, userId, true);
  }

  find(userId: string, id: string): Promise<NotificationRow | null> {
    return isUuid(id) ? this.repo.findOwn(this.dataSource.manager, userId, id) : Promise.resolve(null);
  }

  /**
   * Read marks are the user's own view of their inbox, like a mail client's: not audited (the
   * audit log records changes to the alliance's data and to accounts).
   */
  async markRead(actor: Actor, id: string): Promise<NotificationRow> {
    if (!isUuid(id)) throw DomainError.notFound('Notification');
    return this.dataSource.transaction(async (em) => {
      const row = await this.repo.markRead(em, actor.userId, id);
      if (!row) throw DomainError.notFound('Notification');
      this.events.schedule(em, [{ userId: actor.userId, change: 'READ', notificationId: id }]);
      return row;
    });
  }

  async markAllRead(actor: Actor): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const n = await this.repo.markAllRead(em, actor.userId);
      if (n) this.events.schedule(em, [{ userId: actor.userId, change: 'ALL_READ', notificationId: null }]);
      return n;
    });
  }

  async preferences(userId: string): Promise<PreferenceView[]> {
    const chosen = await this.repo.preferencesOfUser(this.dataSource.manager, userId);
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      delivery: chosen.get(kind) ?? DEFAULT_DELIVERY[kind],
      defaultDelivery: DEFAULT_DELIVERY[kind],
    }));
  }

  async setPreference(actor: Actor, kind: NotificationKind, delivery: Delivery): Promise<PreferenceView> {
    if (!NOTIFICATION_KINDS.includes(kind)) throw DomainError.field('kind', 'is not a notification kind');
    await this.dataSource.transaction(async (em) => {
      await this.repo.setPreference(em, actor.userId, kind, delivery);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'setNotificationPreference',
        entityType: 'User',
        entityId: actor.userId,
        changedFields: [`notificationPreferences.${kind}`],
      });
    });
    return { kind, delivery, defaultDelivery: DEFAULT_DELIVERY[kind] };
  }

  /**
   * The one-click unsubscribe of a mail link (no sign-in): switches the token's kind off, or with
   * DIGEST every kind the user receives in the digest. Answers the kinds switched off, or null for
   * an invalid token. Repeating it changes nothing.
   */
  async unsubscribe(token: unknown): Promise<{ userId: string; kinds: NotificationKind[] } | null> {
    const claim = readUnsubscribeToken(this.config.jwtSecret, token);
    if (!claim || !isUuid(claim.userId)) return null;
    let kinds: NotificationKind[];
    if (claim.kind === 'DIGEST') {
      kinds = (await this.preferences(claim.userId))
        .filter((p) => p.delivery === 'DIGEST')
        .map((p) => p.kind);
    } else if (NOTIFICATION_KINDS.includes(claim.kind as NotificationKind)) {
      kinds = [claim.kind as NotificationKind];
    } else return null;
    await this.dataSource.transaction(async (em) => {
      for (const kind of kinds) await this.repo.setPreference(em, claim.userId, kind, 'OFF');
      await this.audit.append(em, {
        actorId: claim.userId,
        action: 'unsubscribeNotifications',
        entityType: 'User',
        entityId: claim.userId,
        changedFields: kinds.map((k) => `notificationPreferences.${k}`),
      });
    });
    return { userId: claim.userId, kinds };
  }
}
