import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';
import type { RenderedMail } from '../mail/templates.js';

export type MailStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface OutboxRow {
  id: string;
  recipient: string;
  language: 'de' | 'en';
  template: string;
  subject: string;
  text: string | null;
  html: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  headers: Record<string, string> | null;
  calendarMethod: string | null;
  calendarContent: string | null;
}

export interface OutboxInsert extends RenderedMail {
  recipient: string;
  language: string;
  template: string;
  headers?: Record<string, string> | null;
  calendar?: { method: string; content: string } | null;
}

const COLUMNS = `id, recipient, language, template, subject, text_body AS "text", html_body AS "html",
  status, attempts, last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt", failed_at AS "failedAt",
  headers, calendar_method AS "calendarMethod", calendar_content AS "calendarContent"`;

/** The outbox's SQL; every method runs on the manager it is given (the caller's transaction). */
@Injectable()
export class OutboxRepository {
  async insert(em: EntityManager, mail: OutboxInsert): Promise<string> {
    return (await this.insertMany(em, [mail]))[0];
  }

  /** Several mails in one statement; their ids (in no particular order). */
  async insertMany(em: EntityManager, mails: OutboxInsert[]): Promise<string[]> {
    if (!mails.length) return [];
    const rows: { id: string }[] = await em.query(
      `INSERT INTO mail_outbox (recipient, language, template, subject, text_body, html_body, headers,
                                calendar_method, calendar_content)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::jsonb[], $8::text[], $9::text[])
       RETURNING id`,
      [
        mails.map((m) => m.recipient),
        mails.map((m) => m.language),
        mails.map((m) => m.template),
        mails.map((m) => m.subject),
        mails.map((m) => m.text),
        mails.map((m) => m.html),
        mails.map((m) => (m.headers ? JSON.stringify(m.headers) : null)),
        mails.map((m) => m.calendar?.method ?? null),
        mails.map((m) => m.calendar?.content ?? null),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** The pending mail, locked for its delivery; null when it is sent, failed, or being sent elsewhere. */
  async lockPending(em: EntityManager, id: string): Promise<OutboxRow | null> {
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM mail_outbox WHERE id = $1 AND status = 'PENDING' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Delivered: the bodies (with their links) are not kept. */
  async markSent(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,
              text_body = NULL, html_body = NULL, calendar_content = NULL, last_error = NULL
        WHERE id = $1`,
      [id],
    );
  }

  async recordFailure(em: EntityManager, id: string, error: string, final: boolean): Promise<void> {
    await em.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN $3 THEN 'FAILED' ELSE status END,
              failed_at = CASE WHEN $3 THEN now() ELSE failed_at END
        WHERE id = $1 AND status = 'PENDING'`,
      [id, error.slice(0, 500), final],
    );
  }

  /** A failed mail back to pending; false when it is not failed. */
  async reopen(em: EntityManager, id: string): Promise<boolean> {
    const rows = await queryRows(
      em,
      `UPDATE mail_outbox SET status = 'PENDING', attempts = 0, failed_at = NULL
        WHERE id = $1 AND status = 'FAILED' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  findById(em: EntityManager, id: string): Promise<OutboxRow | null> {
    return em.query(`SELECT ${COLUMNS} FROM mail_outbox WHERE id = $1`, [id]).then((r) => r[0] ?? null);
  }

  /** Newest first, keyset by (created_at, id). */
  async page(
    em: EntityManager,
    opts: { status?: MailStatus | null; recipient?: string | null; limit: number; after?: [string, string] },
  ): Promise<{ rows: OutboxRow[]; total: number }> {
    const params: unknown[] = [opts.status ?? null, opts.recipient ?? null];
    let keyset = '';
    if (opts.after) {
      params.push(opts.after[0], opts.after[1]);
      keyset = 'AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    params.push(opts.limit + 1);
    const filter = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR lower(recipient) = lower($2))`;
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM mail_outbox WHERE ${filter} ${keyset}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM mail_outbox WHERE ${filter}`, [
      opts.status ?? null,
      opts.recipient ?? null,
    ]);
    return { rows, total };
  }
}
