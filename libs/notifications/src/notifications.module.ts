import { Global, Module } from '@nestjs/common';
import { DAILY_JOBS, MAIL_OUTBOX, NOTIFIER, PubSubModule } from '../../core/src/index.js';
import { IdentityModule } from '../../identity/src/index.js';
import { MailDeliveryService } from './mail/mail-delivery.service.js';
import { NotificationDigestService } from './inbox/notification-digest.service.js';
import { DailyJobsService } from './jobs/daily-jobs.service.js';
import { NotificationEventsService } from './inbox/notification-events.service.js';
import { NotificationInboxService } from './inbox/notification-inbox.service.js';
import { NotificationRepository } from './inbox/notification.repository.js';
import { NotificationPreferenceResolver, NotificationResolver } from './inbox/notification.resolver.js';
import { NotificationsService } from './inbox/notifications.service.js';
import { UnsubscribeController } from './inbox/unsubscribe.controller.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { OutboxResolver } from './outbox/outbox.resolver.js';
import { OutboxService } from './outbox/outbox.service.js';

/**
 * Outbox, mail delivery and notifications; global, so every context can write mails through
 * MAIL_OUTBOX and notifications through NOTIFIER without importing this library.
 */
@Global()
@Module({
  imports: [PubSubModule, IdentityModule],
  controllers: [UnsubscribeController],
  providers: [
    OutboxRepository,
    OutboxService,
    MailDeliveryService,
    OutboxResolver,
    { provide: MAIL_OUTBOX, useExisting: OutboxService },
    NotificationRepository,
    NotificationEventsService,
    NotificationsService,
    NotificationInboxService,
    NotificationResolver,
    NotificationPreferenceResolver,
    { provide: NOTIFIER, useExisting: NotificationsService },
    DailyJobsService,
    { provide: DAILY_JOBS, useExisting: DailyJobsService },
    NotificationDigestService,
  ],
  exports: [MAIL_OUTBOX, NOTIFIER, DAILY_JOBS, OutboxService, MailDeliveryService, NotificationsService],
})
export class NotificationsModule {}
