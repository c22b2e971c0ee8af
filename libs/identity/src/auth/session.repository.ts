import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';

export interface SessionRow {
  id: string;
  device: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

/** SQL of session families (one per sign-in; a family's tokens rotate on every refresh). */
@Injectable()
export class SessionRepository {
  /** The user's families that can still be refreshed, most recently used first. */
  active(em: EntityManager, userId: string): Promise<SessionRow[]> {
    return em.query(
      `SELECT family_id AS id, max(device) AS device, min(family_started_at) AS "createdAt",
              max(created_at) AS "lastUsedAt", max(expires_at) AS "expiresAt"
         FROM sessions WHERE user_id = $1
        GROUP BY family_id
       HAVING bool_and(revoked_at IS NULL) AND bool_or(rotated_at IS NULL AND expires_at > now())
        ORDER BY max(created_at) DESC`,
      [userId],
    );
  }

  /** Revokes one family of the user; false when it is not theirs or already ended. */
  async revoke(em: EntityManager, userId: string, familyId: string): Promise<boolean> {
    const rows = await queryRows(
      em,
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL RETURNING id`,
      [userId, familyId],
    );
    return rows.length > 0;
  }
}
