import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';

export interface SecondFactorRow {
  secret: string | null;
  enabled: boolean;
  lastStep: number | null;
}

/** SQL of the second factor: the (encrypted) TOTP secret, the last used time step, recovery codes. */
@Injectable()
export class SecondFactorRepository {
  async state(em: EntityManager, userId: string, lock = false): Promise<SecondFactorRow | null> {
    const rows = await em.query(
      `SELECT totp_secret AS secret, totp_enabled_at IS NOT NULL AS enabled, totp_last_step AS "lastStep"
         FROM users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [userId],
    );
    return rows[0]
      ? { ...rows[0], lastStep: rows[0].lastStep === null ? null : Number(rows[0].lastStep) }
      : null;
  }

  async setPendingSecret(em: EntityManager, userId: string, encrypted: string): Promise<void> {
    await em.query(
      'UPDATE users SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1',
      [userId, encrypted],
    );
  }

  async enable(em: EntityManager, userId: string, step: number, codeHashes: string[]): Promise<void> {
    await em.query('UPDATE users SET totp_enabled_at = now(), totp_last_step = $2 WHERE id = $1', [
      userId,
      step,
    ]);
    await em.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    await em.query('INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [
      userId,
      codeHashes,
    ]);
  }

  async useStep(em: EntityManager, userId: string, step: number): Promise<void> {
    await em.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [userId, step]);
  }

  /** Uses an unused recovery code of the user; false when there is none of that hash. */
  async useRecoveryCode(em: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const rows = await queryRows(
      em,
      `UPDATE recovery_codes SET used_at = now()
        WHERE id = (SELECT id FROM recovery_codes WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL LIMIT 1 FOR UPDATE)
        RETURNING id`,
      [userId, codeHash],
    );
    return rows.length > 0;
  }

  async unusedRecoveryCodes(em: EntityManager, userId: string): Promise<number> {
    const [row] = await em.query(
      'SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return row.n;
  }

  /** Removes the secret and the recovery codes: the user has no second factor any more. */
  async clear(em: EntityManager, userId: string): Promise<boolean> {
    const rows = await queryRows(
      em,
      `UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL
        WHERE id = $1 AND (totp_secret IS NOT NULL OR totp_enabled_at IS NOT NULL) RETURNING id`,
      [userId],
    );
    await em.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
    return rows.length > 0;
  }

  /** This session family may only set up the second factor again (see AccessGuard). */
  async requireEnrolment(em: EntityManager, userId: string, familyId: string): Promise<void> {
    await em.query(
      'UPDATE sessions SET second_factor_pending = true WHERE user_id = $1 AND family_id = $2 AND revoked_at IS NULL',
      [userId, familyId],
    );
  }

  /** The session family may do more than enrol once the second factor is set up. */
  async completeEnrolment(em: EntityManager, userId: string): Promise<void> {
    await em.query(
      'UPDATE sessions SET second_factor_pending = false WHERE user_id = $1 AND second_factor_pending',
      [userId],
    );
  }
}
