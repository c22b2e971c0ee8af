import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  decodeCursor,
  DomainError,
  type MailOutbox,
  type OutgoingMail,
  pageSize,
  toPage,
  isUuid,
  type Actor,
} from '../../../core/src/index.js';
import { renderMail } from '../mail/templates.js';
import { MAIL_QUEUE } from '../migrations/1795959363681-mail-outbox.js';
import { type MailStatus, type OutboxInsert, OutboxRepository, type OutboxRow } from './outbox.repository.js';

/** pg-boss's transactional hook: its insert runs on our transaction's connection. */
export function onTransaction(em: EntityManager) {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const runner = em.queryRunner;
      if (!runner) throw new Error('enqueue needs a transaction');
      const result = await runner.query(text, values as any[], true);
      return { rows: result.records };
    },
  };
}

/**
 * The outbox: a mail is rendered and written with its delivery job in the caller's transaction.
 * The job carries only the outbox id; the worker (MailDeliveryService) does the sending.
 */
@Injectable()
export class OutboxService implements MailOutbox {
  /** Used only to enqueue (no worker, no connection of its own). */
  private readonly queue: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: OutboxRepository,
    private readonly audit: AuditService,
  ) {
    this.queue = new PgBoss({ db: { executeSql: () => Promise.reject(new Error('unused')) } } as any);
  }

  async enqueue(em: EntityManager, mail: OutgoingMail): Promise<string> {
    const rendered = renderMail(mail.template, mail.language, mail.params);
    const id = await this.repo.insert(em, {
      recipient: mail.to,
      language: mail.language,
      template: mail.template,
      ...rendered,
    });
    await this.sendJob(em, id);
    return id;
  }

  /**
   * Mails rendered by the caller (notifications), with their headers and calendar part: written
   * with their delivery jobs in two statements, however many there are.
   */
  async enqueueRendered(em: EntityManager, mails: OutboxInsert[]): Promise<string[]> {
    const ids = await this.repo.insertMany(em, mails);
    if (!ids.length) return ids;
    const { mailMaxAttempts, mailRetryDelaySeconds } = this.config.people;
    await this.queue.insert(
      ids.map((id) => ({
        name: MAIL_QUEUE,
        data: { outboxId: id },
        retryLimit: mailMaxAttempts - 1,
        retryDelay: mailRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: 120,
      })),
      { db: onTransaction(em) } as any,
    );
    return ids;
  }

  private async sendJob(em: EntityManager, id: string): Promise<void> {
    const { mailMaxAttempts, mailRetryDelaySeconds } = this.config.people;
    await this.queue.send(
      MAIL_QUEUE,
      { outboxId: id },
      {
        db: onTransaction(em),
        retryLimit: mailMaxAttempts - 1,
        retryDelay: mailRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: 120,
      },
    );
  }

  /** Postausgang: newest first. Outside production with the bodies; in production without. */
  async list(
    filter: { status?: MailStatus | null; recipient?: string | null },
    first?: number | null,
    after?: string | null,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2) as [string, string] | undefined;
    const { rows, total } = await this.repo.page(this.dataSource.manager, {
      ...filter,
      limit,
      after: cursor,
    });
    return toPage(
      rows.map((r) => this.shown(r)),
      limit,
      total,
      (r) => [r.createdAt.toISOString(), r.id],
    );
  }

  private shown(r: OutboxRow): OutboxRow {
    return this.config.production ? { ...r, text: null, html: null } : r;
  }

  /** A failed mail is sent again (attempts start over). */
  retry(actor: Actor, id: string): Promise<OutboxRow> {
    if (!isUuid(id)) throw DomainError.notFound('Mail');
    return this.dataSource.transaction(async (em) => {
      const row = await this.repo.findById(em, id);
      if (!row) throw DomainError.notFound('Mail');
      if (!(await this.repo.reopen(em, id)))
        throw DomainError.conflict('Only failed mails can be sent again');
      await this.sendJob(em, id);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'retryMail',
        entityType: 'Mail',
        entityId: id,
        changedFields: ['status'],
      });
      return this.shown((await this.repo.findById(em, id))!);
    });
  }
}
