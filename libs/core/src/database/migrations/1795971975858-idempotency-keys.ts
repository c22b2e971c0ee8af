import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Idempotency-Keys of mutations: written in the transaction of the mutation's first write, so a
 * committed change and its key commit together; the answer follows right after the commit, sealed
 * with a key derived from the client's Idempotency-Key (README, "Idempotent mutations"). Keys older
 * than IDEMPOTENCY_KEY_HOURS count as absent and are deleted by a sweep.
 */
export class IdempotencyKeys1795971975858 implements MigrationInterface {
  name = 'IdempotencyKeys1795971975858';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key_hash text NOT NULL,
        request_hash text NOT NULL,
        entity_type text,
        entity_id text,
        answer bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key_hash)
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_keys');
  }
}
