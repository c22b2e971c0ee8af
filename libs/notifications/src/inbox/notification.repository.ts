import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';
import type { Delivery } from './notification-kinds.js';

export interface NotificationRow {
  id: string;
  recipientId: string;
  allianceId: string | null;
  kind: string;
  objectType: string;
  objectId: string;
  params: Record<string, string>;
  email: Delivery;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  recipientId: string;
  email: Delivery;
}

const columns = (n = '') =>
  `${n}id, ${n}recipient_id AS "recipientId", ${n}alliance_id AS "allianceId", ${n}kind, ${n}object_type AS "objectType",
   ${n}object_id AS "objectId", ${n}params, ${n}email, ${n}created_at AS "createdAt", ${n}read_at AS "readAt"`;
const COLUMNS = columns();

/** The notifications' and preferences' SQL; each method runs on the manager it is given. */
@Injectable()
export class NotificationRepository {
  /**
   * One row per recipient, in one statement whatever their number. With a dedupe key, a recipient
   * who already has that kind and key gets nothing (ON CONFLICT): the rows written are returned.
   */
  insertMany(
    em: EntityManager,
    n: {
      kind: string;
      allianceId: string | null;
      objectType: string;
      objectId: string;
      params: Record<string, string>;
      dedupeKey: string | null;
    },
    recipients: NewNotification[],
  ): Promise<NotificationRow[]> {
    return em.query(
      `INSERT INTO notifications (recipient_id, email, kind, alliance_id, object_type, object_id, params, dedupe_key, mailed_at)
       SELECT r.recipient_id, r.email, $3, $4, $5, $6, $7::jsonb, $8,
              CASE WHEN r.email = 'IMMEDIATE' THEN clock_timestamp() END
         FROM unnest($1::uuid[], $2::text[]) AS r(recipient_id, email)
       ON CONFLICT (recipient_id, kind, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        recipients.map((r) => r.recipientId),
        recipients.map((r) => r.email),
        n.kind,
        n.allianceId,
        n.objectType,
        n.objectId,
        JSON.stringify(n.params),
        n.dedupeKey,
      ],
    );
  }

  /** Newest first, keyset by (created_at, id). */
  page(
    em: EntityManager,
    recipientId: string,
    opts: { unreadOnly: boolean; limit: number; after?: [string, string] },
  ): Promise<NotificationRow[]> {
    const params: unknown[] = [recipientId, opts.limit + 1];
    let keyset = '';
    if (opts.after) {
      params.push(opts.after[0], opts.after[1]);
      keyset = 'AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    return em.query(
      `SELECT ${COLUMNS} FROM notifications
        WHERE recipient_id = $1 ${opts.unreadOnly ? 'AND read_at IS NULL' : ''} ${keyset}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
  }

  async count(em: EntityManager, recipientId: string, unreadOnly: boolean): Promise<number> {
    const [row] = await em.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}`,
      [recipientId],
    );
    return row.n;
  }

  async findOwn(em: EntityManager, recipientId: string, id: string): Promise<NotificationRow | null> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND recipient_id = $2`, [
      id,
      recipientId,
    ]);
    return rows[0] ?? null;
  }

  async markRead(em: EntityManager, recipientId: string, id: string): Promise<NotificationRow | null> {
    const rows = await queryRows<NotificationRow>(
      em,
      `UPDATE notifications SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND recipient_id = $2 RETURNING ${COLUMNS}`,
      [id, recipientId],
    );
    return rows[0] ?? null;
  }

  async markAllRead(em: EntityManager, recipientId: string): Promise<number> {
    const rows = await queryRows(
      em,
      `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL RETURNING id`,
      [recipientId],
    );
    return rows.length;
  }

  /** The users' chosen deliveries of one kind (users without a choice are absent). */
  async preferencesOf(em: EntityManager, userIds: string[], kind: string): Promise<Map<string, Delivery>> {
    const rows: { userId: string; delivery: Delivery }[] = await em.query(
      `SELECT user_id AS "userId", delivery FROM notification_preferences WHERE user_id = ANY($1::uuid[]) AND kind = $2`,
      [userIds, kind],
    );
    return new Map(rows.map((r) => [r.userId, r.delivery]));
  }

  async preferencesOfUser(em: EntityManager, userId: string): Promise<Map<string, Delivery>> {
    const rows: { kind: string; delivery: Delivery }[] = await em.query(
      `SELECT kind, delivery FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.delivery]));
  }

  /** Sets the delivery; switched off, the kind's mails still waiting for the digest are dropped. */
  async setPreference(em: EntityManager, userId: string, kind: string, delivery: Delivery): Promise<void> {
    await em.query(
      `INSERT INTO notification_preferences (user_id, kind, delivery) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
      [userId, kind, delivery],
    );
    if (delivery === 'OFF')
      await em.query(
        `UPDATE notifications SET email = 'OFF'
          WHERE recipient_id = $1 AND kind = $2 AND email = 'DIGEST' AND mailed_at IS NULL`,
        [userId, kind],
      );
  }

  /** Users with digest notifications waiting that were written before `before`. */
  async digestRecipients(em: EntityManager, before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT DISTINCT recipient_id AS id FROM notifications
        WHERE email = 'DIGEST' AND mailed_at IS NULL AND created_at < $1 LIMIT $2`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /** One user's waiting digest notifications, locked and marked mailed in one statement. */
  takeDigest(em: EntityManager, recipientId: string, before: Date): Promise<NotificationRow[]> {
    return queryRows<NotificationRow>(
      em,
      `WITH taken AS (
         SELECT id FROM notifications
          WHERE recipient_id = $1 AND email = 'DIGEST' AND mailed_at IS NULL AND created_at < $2
          ORDER BY created_at FOR UPDATE SKIP LOCKED)
       UPDATE notifications n SET mailed_at = now() FROM taken WHERE n.id = taken.id
       RETURNING ${columns('n.')}`,
      [recipientId, before],
    ).then((rows) => rows.sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt)));
  }
}
