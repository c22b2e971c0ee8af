import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bounded verification of the audit chain: signed checkpoints of the chain head up to
 * which it was verified, and the results of the periodic full verification. Both append-only.
 */
export class AuditCheckpoints1795960581937 implements MigrationInterface {
  name = 'AuditCheckpoints1795960581937';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoints (
        sequence bigint PRIMARY KEY,
        entry_hash text NOT NULL,
        signature text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_verifications (
        id bigserial PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        valid boolean NOT NULL,
        entries_checked bigint NOT NULL,
        first_broken_sequence bigint
      );
      CREATE INDEX audit_verifications_finished_idx ON audit_verifications (finished_at);

      CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
        FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
      CREATE TRIGGER audit_verifications_no_change BEFORE UPDATE OR DELETE ON audit_verifications
        FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();
      CREATE TRIGGER audit_verifications_no_truncate BEFORE TRUNCATE ON audit_verifications
        FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE audit_verifications; DROP TABLE audit_checkpoints; DROP FUNCTION audit_records_append_only();',
    );
  }
}
