import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';

export type MeetingNoticeKind =
  | 'MEETING_INVITATION'
  | 'MEETING_CHANGED'
  | 'MEETING_CANCELLED'
  | 'AGENDA_CHANGED'
  | 'MINUTES_READY'
  | 'MINUTES_APPROVED';

export interface MeetingNoticeRow {
  id: string;
  meetingId: string;
  kind: MeetingNoticeKind;
  actorId: string | null;
  attempts: number;
}

/** The notices' SQL. */
@Injectable()
export class MeetingNoticeRepository {
  /** One row, whatever the number of people it will reach. */
  async insert(
    em: EntityManager,
    meetingId: string,
    kind: MeetingNoticeKind,
    actorId: string,
  ): Promise<void> {
    await em.query(`INSERT INTO meeting_notices (meeting_id, kind, actor_id) VALUES ($1, $2, $3)`, [
      meetingId,
      kind,
      actorId,
    ]);
  }

  /**
   * The oldest due notice, locked for this transaction; SKIP LOCKED lets other instances take
   * others. A meeting's notices go out in order: one waits while an older one of its meeting is pending.
   */
  async claimNext(em: EntityManager): Promise<MeetingNoticeRow | null> {
    const rows = await em.query(
      `SELECT n.id, n.meeting_id AS "meetingId", n.kind, n.actor_id AS "actorId", n.attempts
         FROM meeting_notices n
        WHERE n.done_at IS NULL AND n.run_after <= clock_timestamp()
          AND NOT EXISTS (SELECT 1 FROM meeting_notices o
                           WHERE o.meeting_id = n.meeting_id AND o.done_at IS NULL
                             AND (o.created_at, o.id) < (n.created_at, n.id))
        ORDER BY n.created_at, n.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`,
    );
    return rows[0] ?? null;
  }

  async markDone(em: EntityManager, id: string, recipients: number): Promise<void> {
    await em.query(
      `UPDATE meeting_notices SET done_at = clock_timestamp(), attempts = attempts + 1, recipients = $2,
              last_error = NULL WHERE id = $1`,
      [id, recipients],
    );
  }

  /** A failed attempt: retried after `delaySeconds`, or given up (done, failed) when `final`. */
  async recordFailure(
    em: EntityManager,
    id: string,
    error: string,
    delaySeconds: number,
    final: boolean,
  ): Promise<void> {
    await em.query(
      `UPDATE meeting_notices SET attempts = attempts + 1, last_error = $2,
              run_after = clock_timestamp() + make_interval(secs => $3),
              done_at = CASE WHEN $4 THEN clock_timestamp() ELSE NULL END, failed = $4
        WHERE id = $1 AND done_at IS NULL`,
      [id, error.slice(0, 500), delaySeconds, final],
    );
  }

  /** Pending notices (for tests and the bench: the fan-out has caught up when this is 0). */
  async pendingCount(em: EntityManager): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM meeting_notices WHERE done_at IS NULL`,
      [],
    );
    return row.n;
  }
}
