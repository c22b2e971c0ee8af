import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DAILY_JOBS, type DailyJobs, type NotificationKind } from '../../../core/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { digestMail } from './notification-mail.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationsService } from './notifications.service.js';

export const DIGEST_JOB = 'notification-digest';
const BATCH = 100;

/**
 * The daily digest: per user, the notifications waiting for it (written before the run started)
 * go out in one mail. Each user is one transaction that takes the rows (marking them mailed, with
 * SKIP LOCKED) and writes the mail to the outbox, so a rerun or a second runner never mails a
 * notification twice, and a failure leaves the rest for the retry.
 */
@Injectable()
export class NotificationDigestService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DAILY_JOBS) private readonly jobs: DailyJobs,
    private readonly repo: NotificationRepository,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(DIGEST_JOB, (now) => this.run(now).then(() => undefined));
  }

  /** Sends every waiting digest; answers how many mails were written. */
  async run(before: Date): Promise<number> {
    let mails = 0;
    const done = new Set<string>();
    for (;;) {
      const users = (await this.repo.digestRecipients(this.dataSource.manager, before, BATCH)).filter(
        (u) => !done.has(u),
      );
      if (!users.length) return mails;
      for (const userId of users) {
        done.add(userId);
        mails += await this.sendOne(userId, before);
      }
    }
  }

  private sendOne(userId: string, before: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await this.repo.takeDigest(em, userId, before);
      if (!rows.length) return 0;
      const [contact] = await this.users.contactsOf(em, [userId]);
      if (!contact) return 0; // deactivated: the rows are marked, nothing is sent
      const mail = digestMail(
        contact,
        rows.map((r) => ({ ...r, kind: r.kind as NotificationKind })),
        this.notifications.links,
      );
      await this.outbox.enqueueRendered(em, [
        { recipient: contact.email, language: contact.language, template: 'notification:DIGEST', ...mail },
      ]);
      return 1;
    });
  }
}
