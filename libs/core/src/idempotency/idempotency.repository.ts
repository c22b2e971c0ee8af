import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Advisory lock key: one sweep of expired Idempotency-Keys at a time across every instance. */
const SWEEP_LOCK = 4_711_601;

export interface StoredKey {
  requestHash: string;
  answer: Buffer | null;
  entityType: string | null;
  entityId: string | null;
}

export interface KeyClaim {
  userId: string;
  keyHash: string;
  requestHash: string;
  entityType: string | null;
  entityId: string | null;
}

/** The SQL of `idempotency_keys`. A key older than `hours` counts as absent everywhere. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string, keyHash: string, hours: number): Promise<StoredKey | null> {
    const rows: {
      request_hash: string;
      answer: Buffer | null;
      entity_type: string | null;
      entity_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT request_hash, answer, entity_type, entity_id FROM idempotency_keys
        WHERE user_id = $1 AND key_hash = $2 AND created_at > now() - make_interval(hours => $3)`,
      [userId, keyHash, hours],
    );
    const r = rows[0];
    return r
      ? { requestHash: r.request_hash, answer: r.answer, entityType: r.entity_type, entityId: r.entity_id }
      : null;
  }

  /**
   * Writes the key in the caller's transaction (an expired one is taken over). False when a live key
   * is there: another request with it committed first (a concurrent one waits here for its commit).
   */
  async claim(em: EntityManager, c: KeyClaim, hours: number): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO idempotency_keys (user_id, key_hash, request_hash, entity_type, entity_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key_hash) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, entity_type = EXCLUDED.entity_type,
             entity_id = EXCLUDED.entity_id, answer = NULL, created_at = now()
         WHERE idempotency_keys.created_at <= now() - make_interval(hours => $6)
       RETURNING 1`,
      [c.userId, c.keyHash, c.requestHash, c.entityType, c.entityId, hours],
    );
    return rows.length === 1;
  }

  /** The sealed answer of a committed key (once; a stored answer is never replaced). */
  async storeAnswer(userId: string, keyHash: string, requestHash: string, answer: Buffer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET answer = $4
        WHERE user_id = $1 AND key_hash = $2 AND request_hash = $3 AND answer IS NULL`,
      [userId, keyHash, requestHash, answer],
    );
  }

  /** Deletes expired keys; null when another instance is sweeping right now. */
  sweep(hours: number): Promise<number | null> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK]);
      if (!locked) return null;
      const [{ n }] = await em.query(
        `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [hours],
      );
      return n as number;
    });
  }
}
