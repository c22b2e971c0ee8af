import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery, queryRows, type Role } from '../../../core/src/index.js';

export interface SessionRow {
  id: string;
  userId: string;
  familyId: string;
  rotated: boolean;
  revoked: boolean;
  expired: boolean;
  familyStartedAt: Date;
  device: string | null;
  secondFactorPending: boolean;
}

/** A session family as its user sees it. */
export interface ActiveSessionRow {
  id: string;
  device: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

export interface ActorRow {
  id: string;
  organisationId: string;
  platformAdmin: boolean;
  memberships: [string, Role[]][];
  secondFactorPending: boolean;
}

/** The SQL of sessions (refresh-token families) and of failed sign-ins. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A refresh token of the family: it expires after the idle time, and never later than the
   * family's absolute end; returns that end.
   */
  async insert(
    em: EntityManager,
    s: {
      userId: string;
      familyId: string;
      tokenHash: string;
      startedAt: Date;
      device: string | null;
      idleMinutes: number;
      maxHours: number;
      secondFactorPending: boolean;
    },
  ): Promise<Date> {
    const [row] = await em.query(
      `INSERT INTO sessions (user_id, family_id, token_hash, family_started_at, device, second_factor_pending, expires_at)
       VALUES ($1, $2, $3, $4, $5, $8, least(now() + make_interval(mins => $6), $4::timestamptz + make_interval(hours => $7)))
       RETURNING $4::timestamptz + make_interval(hours => $7) AS ends_at`,
      [
        s.userId,
        s.familyId,
        s.tokenHash,
        s.startedAt,
        s.device,
        s.idleMinutes,
        s.maxHours,
        s.secondFactorPending,
      ],
    );
    return new Date(row.ends_at);
  }

  /** The user's families that can still be refreshed, most recently used first. */
  active(userId: string): Promise<ActiveSessionRow[]> {
    return this.dataSource.query(
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
  async revokeOwn(em: EntityManager, userId: string, familyId: string): Promise<boolean> {
    const rows = await queryRows(
      em,
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL RETURNING id`,
      [userId, familyId],
    );
    return rows.length > 0;
  }

  /** The session of a refresh token, locked for the rest of the transaction. */
  async lockByTokenHash(em: EntityManager, tokenHash: string): Promise<SessionRow | null> {
    const rows = await em.query(
      `SELECT s.id, s.user_id, s.family_id, s.rotated_at, s.revoked_at, s.expires_at < now() AS expired,
              s.family_started_at, s.device, s.second_factor_pending
         FROM sessions s WHERE s.token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    const s = rows[0];
    return s
      ? {
          id: s.id,
          userId: s.user_id,
          familyId: s.family_id,
          rotated: !!s.rotated_at,
          revoked: !!s.revoked_at,
          expired: !!s.expired,
          familyStartedAt: s.family_started_at,
          device: s.device,
          secondFactorPending: s.second_factor_pending,
        }
      : null;
  }

  async findByTokenHash(
    em: EntityManager,
    tokenHash: string,
  ): Promise<{ userId: string; familyId: string } | null> {
    const rows = await em.query('SELECT user_id, family_id FROM sessions WHERE token_hash = $1', [tokenHash]);
    return rows.length ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
  }

  async markRotated(em: EntityManager, id: string): Promise<void> {
    await em.query('UPDATE sessions SET rotated_at = now() WHERE id = $1', [id]);
  }

  async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.query('UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
      familyId,
    ]);
  }

  /** The user with their memberships; with a session family, only while that family is not revoked. */
  async actor(userId: string, familyId: string | null): Promise<ActorRow | null> {
    // Named: it runs on every authenticated request.
    const rows = await preparedQuery(
      this.dataSource,
      `SELECT u.id, u.organisation_id, u.platform_admin,
              coalesce((SELECT bool_or(s.second_factor_pending) FROM sessions s WHERE s.family_id = $2), false) AS pending,
              coalesce(json_agg(json_build_array(m.alliance_id, m.roles)) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
         FROM users u LEFT JOIN memberships m ON m.user_id = u.id
        WHERE u.id = $1 AND u.deactivated_at IS NULL
          AND ($2::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM sessions s WHERE s.family_id = $2 AND s.revoked_at IS NOT NULL))
        GROUP BY u.id`,
      [userId, familyId],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      id: r.id,
      organisationId: r.organisation_id,
      platformAdmin: r.platform_admin,
      memberships: r.memberships,
      secondFactorPending: r.pending,
    };
  }

  async familyRevoked(familyId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      'SELECT 1 FROM sessions WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1',
      [familyId],
    );
    return rows.length > 0;
  }

  // ── failed sign-ins ────────────────────────────────────────

  async recentFailures(
    accountKey: string,
    addressKey: string,
    windowMinutes: number,
  ): Promise<{ account: number; address: number }> {
    const [counts] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM login_failures WHERE account_key = $1 AND at > now() - make_interval(mins => $3))::int AS account,
              (SELECT count(*) FROM login_failures WHERE address_key = $2 AND at > now() - make_interval(mins => $3))::int AS address`,
      [accountKey, addressKey, windowMinutes],
    );
    return counts;
  }

  /** Records a failure and drops those older than a day in the same statement. */
  async recordFailure(accountKey: string, addressKey: string): Promise<void> {
    await this.dataSource.query(
      `WITH cleanup AS (DELETE FROM login_failures WHERE at < now() - interval '1 day')
       INSERT INTO login_failures (account_key, address_key) VALUES ($1, $2)`,
      [accountKey, addressKey],
    );
  }

  async clearFailures(accountKey: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE account_key = $1', [accountKey]);
  }
}
