import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  language: 'de' | 'en';
  deactivated: boolean;
  hasPassword: boolean;
}

const ACCOUNT = `id, email, display_name AS "displayName", language, deactivated_at IS NOT NULL AS deactivated,
  password_hash IS NOT NULL AS "hasPassword"`;

/** SQL of accounts: passwords, single-use reset links, attempt counters, session revocation. */
@Injectable()
export class AccountRepository {
  async byEmail(em: EntityManager, email: string): Promise<AccountRow | null> {
    const rows = await em.query(`SELECT ${ACCOUNT} FROM users WHERE lower(email) = lower($1)`, [
      email.trim(),
    ]);
    return rows[0] ?? null;
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<AccountRow | null> {
    const rows = await em.query(`SELECT ${ACCOUNT} FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async passwordHash(em: EntityManager, id: string): Promise<string | undefined> {
    const rows = await em.query('SELECT password_hash FROM users WHERE id = $1', [id]);
    return rows[0]?.password_hash ?? undefined;
  }

  async setPhone(em: EntityManager, id: string, phone: string | null): Promise<void> {
    await em.query('UPDATE users SET phone = $2, updated_at = now() WHERE id = $1', [id, phone]);
  }

  async setPassword(em: EntityManager, id: string, hash: string): Promise<void> {
    await em.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, hash]);
  }

  async setDeactivated(em: EntityManager, id: string, deactivated: boolean): Promise<boolean> {
    const rows = await queryRows(
      em,
      `UPDATE users SET deactivated_at = CASE WHEN $2 THEN now() ELSE NULL END, updated_at = now()
        WHERE id = $1 AND (deactivated_at IS NOT NULL) <> $2 RETURNING id`,
      [id, deactivated],
    );
    return rows.length > 0;
  }

  /** Attempts of a kind for a key within the last minutes. */
  async attempts(em: EntityManager, kind: string, key: string, minutes: number): Promise<number> {
    const [row] = await em.query(
      `SELECT count(*)::int AS n FROM account_attempts WHERE kind = $1 AND key = $2 AND at > now() - make_interval(mins => $3)`,
      [kind, key, minutes],
    );
    return row.n;
  }

  async addAttempt(em: EntityManager, kind: string, key: string): Promise<void> {
    await em.query(
      `WITH cleanup AS (DELETE FROM account_attempts WHERE at < now() - interval '1 day')
       INSERT INTO account_attempts (kind, key) VALUES ($1, $2)`,
      [kind, key],
    );
  }

  async clearAttempts(em: EntityManager, kind: string, key: string): Promise<void> {
    await em.query('DELETE FROM account_attempts WHERE kind = $1 AND key = $2', [kind, key]);
  }

  async insertPasswordReset(em: EntityManager, userId: string, tokenHash: string, minutes: number) {
    await em.query(
      `INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
      [userId, tokenHash, minutes],
    );
  }

  /** The reset link of this hash, locked; `usable` only while unused and unexpired. */
  async lockPasswordReset(
    em: EntityManager,
    tokenHash: string,
  ): Promise<{ id: string; userId: string; usable: boolean } | null> {
    const rows = await em.query(
      `SELECT id, user_id AS "userId", used_at IS NULL AND expires_at > now() AS usable
         FROM password_resets WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Uses this link and voids every other open one of the user. */
  async usePasswordResets(em: EntityManager, userId: string): Promise<void> {
    await em.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
      userId,
    ]);
  }

  /** Ends the user's sessions, all or all but one family; returns the ended family ids. */
  async revokeSessions(em: EntityManager, userId: string, exceptFamilyId?: string): Promise<string[]> {
    const rows = await queryRows(
      em,
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2)
        RETURNING family_id`,
      [userId, exceptFamilyId ?? null],
    );
    return [...new Set((rows as { family_id: string }[]).map((r) => r.family_id))];
  }
}
