import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, logger } from '../../../core/src/index.js';
import { MAIL_QUEUE } from '../migrations/1795959363681-mail-outbox.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';

export type DeliveryOutcome = 'sent' | 'skipped';

/**
 * The worker: with SMTP_URL set, every instance takes delivery jobs from pg-boss (one instance per
 * job: pg-boss fetches with SKIP LOCKED), and sends each pending mail while holding its outbox row
 * locked, so a mail is never sent twice at once. A failed attempt is retried with pg-boss's
 * exponential backoff; the last one marks the mail FAILED. Without SMTP_URL nothing is sent.
 */
@Injectable()
export class MailDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss?: PgBoss;
  private transport?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: OutboxRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { smtpUrl } = this.config.people;
    if (!smtpUrl) {
      if (this.config.production)
        logger.warn('SMTP_URL is not set: mails stay in the outbox and are not delivered');
      return;
    }
    this.transport = nodemailer.createTransport(smtpUrl, {
      from: this.config.people.mailFrom,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as any);
    this.boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      max: 3,
      application_name: 'buendnisportal-mail',
      schedule: false,
    } as any);
    this.boss.on('error', (err) => logger.warn({ reason: describe(err) }, 'mail queue error'));
    await this.boss.start();
    await this.boss.work<{ outboxId: string }>(
      MAIL_QUEUE,
      { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) {
          const final = job.retryCount >= job.retryLimit;
          await this.deliver(job.data.outboxId, final);
        }
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5_000, wait: true });
    this.transport?.close();
  }

  /** One attempt; throws (so pg-boss retries) unless the mail was sent, is gone, or failed for good. */
  async deliver(outboxId: string, final: boolean): Promise<DeliveryOutcome> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const mail = await this.repo.lockPending(em, outboxId);
        if (!mail) return 'skipped';
        await this.transport!.sendMail({
          to: mail.recipient,
          subject: mail.subject,
          text: mail.text ?? '',
          html: mail.html ?? undefined,
          headers: { ...(mail.headers ?? {}), 'Content-Language': mail.language, 'X-Outbox-Id': mail.id },
          ...(mail.calendarMethod && mail.calendarContent
            ? {
                icalEvent: {
                  method: mail.calendarMethod,
                  filename: 'einladung.ics',
                  content: mail.calendarContent,
                },
              }
            : {}),
        });
        await this.repo.markSent(em, outboxId);
        return 'sent' as const;
      });
    } catch (err) {
      const reason = describe(err);
      await this.repo.recordFailure(this.dataSource.manager, outboxId, reason, final);
      // The outbox id and the SMTP error only: never the recipient, a body or a link.
      logger.warn(
        { outboxId, reason, final },
        final ? 'mail delivery failed for good' : 'mail delivery failed',
      );
      if (final) return 'skipped';
      throw err;
    }
  }
}

function describe(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: string; responseCode?: number; message?: string };
    return [e.code, e.responseCode, e.message].filter(Boolean).join(' ').slice(0, 300);
  }
  return String(err);
}
