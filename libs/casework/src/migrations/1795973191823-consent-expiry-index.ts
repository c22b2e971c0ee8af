import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily job that tells receiving organisations of expired consents looks them up by expiry. */
export class ConsentExpiryIndex1795973191823 implements MigrationInterface {
  name = 'ConsentExpiryIndex1795973191823';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX consents_valid_until_idx ON consents (valid_until) WHERE withdrawn_at IS NULL AND valid_until IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX consents_valid_until_idx');
  }
}
