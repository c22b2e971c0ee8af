import { Global, Module } from '@nestjs/common';
import { MAIL_OUTBOX } from '../../core/src/index.js';
import { MailDeliveryService } from './mail/mail-delivery.service.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { OutboxResolver } from './outbox/outbox.resolver.js';
import { OutboxService } from './outbox/outbox.service.js';

/** Outbox and mail delivery; global, so every context can write mails through MAIL_OUTBOX. */
@Global()
@Module({
  providers: [
    OutboxRepository,
    OutboxService,
    MailDeliveryService,
    OutboxResolver,
    { provide: MAIL_OUTBOX, useExisting: OutboxService },
  ],
  exports: [MAIL_OUTBOX, OutboxService, MailDeliveryService],
})
export class NotificationsModule {}
