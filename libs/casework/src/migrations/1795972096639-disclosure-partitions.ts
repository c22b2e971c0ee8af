import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosures are kept for every read, so the table outgrows everything else. Partitioned by month
 * of `at` (UTC), an insert only touches the current month's small, cached indexes, however many
 * years of history lie behind it. `ensure_disclosure_partitions` creates the months ahead (the
 * retention sweep calls it every hour and at start, under an advisory lock); a DEFAULT partition
 * takes any row whose month is missing, so a read is never refused for storage reasons (that month's
 * partition is then not created while its rows are there).
 *
 * Retention tied to erasure: a disclosure stays append-only while its case lives. Once the case
 * has been erased for DISCLOSURE_RETENTION_DAYS, the sweep may delete its disclosures (the trigger
 * lets a DELETE through only for an erased case, and only in a transaction that declared itself
 * the retention sweep); `cases.disclosures_expired_at` records that it was done.
 */
export class DisclosurePartitions1795972096639 implements MigrationInterface {
  name = 'DisclosurePartitions1795972096639';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE disclosures RENAME TO disclosures_unpartitioned;
      DROP TRIGGER disclosures_no_change ON disclosures_unpartitioned;
      ALTER INDEX disclosures_case_idx RENAME TO disclosures_unpartitioned_case_idx;
      ALTER INDEX disclosures_handover_idx RENAME TO disclosures_unpartitioned_handover_idx;
      ALTER INDEX disclosures_consent_idx RENAME TO disclosures_unpartitioned_consent_idx;
      ALTER TABLE disclosures_unpartitioned RENAME CONSTRAINT disclosures_pkey TO disclosures_unpartitioned_pkey;

      CREATE TABLE disclosures (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        reader_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        handover_id uuid NOT NULL REFERENCES handovers(id),
        consent_id uuid NOT NULL REFERENCES consents(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (id, at)
      ) PARTITION BY RANGE (at);
      CREATE INDEX disclosures_case_idx ON disclosures (case_id, at, id);
      CREATE INDEX disclosures_handover_idx ON disclosures (handover_id);
      CREATE INDEX disclosures_consent_idx ON disclosures (consent_id);
      CREATE TABLE disclosures_default PARTITION OF disclosures DEFAULT;

      -- Creates the monthly partitions from the month of from_at to the month of to_at (UTC), each
      -- once; one caller at a time across instances. Returns how many it created.
      CREATE FUNCTION ensure_disclosure_partitions(from_at timestamptz, to_at timestamptz)
        RETURNS int LANGUAGE plpgsql AS $$
      DECLARE
        month timestamp := date_trunc('month', from_at AT TIME ZONE 'UTC');
        last timestamp := date_trunc('month', to_at AT TIME ZONE 'UTC');
        name text;
        created int := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(4711502);
        WHILE month <= last LOOP
          name := 'disclosures_' || to_char(month, 'YYYY_MM');
          IF to_regclass(name) IS NULL AND EXISTS (SELECT 1 FROM disclosures_default
               WHERE at >= month AT TIME ZONE 'UTC' AND at < (month + interval '1 month') AT TIME ZONE 'UTC') THEN
            -- Rows of this month already sit in the default partition (the sweep did not run for
            -- months): they stay there, readable; a DBA moves them (docs in libs/casework/README.md).
            RAISE WARNING 'disclosure partition % not created: its rows are in disclosures_default', name;
          ELSIF to_regclass(name) IS NULL THEN
            EXECUTE format(
              'CREATE TABLE %I PARTITION OF disclosures FOR VALUES FROM (%L) TO (%L)',
              name, month AT TIME ZONE 'UTC', (month + interval '1 month') AT TIME ZONE 'UTC');
            created := created + 1;
          END IF;
          month := month + interval '1 month';
        END LOOP;
        RETURN created;
      END $$;

      SELECT ensure_disclosure_partitions(
        least(now(), (SELECT min(at) FROM disclosures_unpartitioned)), now() + interval '2 months');
      INSERT INTO disclosures (id, case_id, reader_id, organisation_id, categories, handover_id, consent_id, at)
        SELECT id, case_id, reader_id, organisation_id, categories, handover_id, consent_id, at FROM disclosures_unpartitioned;
      DROP TABLE disclosures_unpartitioned;

      CREATE OR REPLACE FUNCTION disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('casework.disclosure_retention', true) = 'on'
           AND EXISTS (SELECT 1 FROM cases c WHERE c.id = OLD.case_id AND c.status = 'ERASED') THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'disclosures are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER disclosures_no_change BEFORE UPDATE OR DELETE ON disclosures
        FOR EACH ROW EXECUTE FUNCTION disclosures_append_only();

      ALTER TABLE cases ADD COLUMN disclosures_expired_at timestamptz;
      CREATE INDEX cases_disclosures_due_idx ON cases (erased_at)
        WHERE status = 'ERASED' AND disclosures_expired_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX cases_disclosures_due_idx;
      ALTER TABLE cases DROP COLUMN disclosures_expired_at;
      CREATE TABLE disclosures_flat (LIKE disclosures INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      INSERT INTO disclosures_flat SELECT * FROM disclosures;
      DROP TABLE disclosures;
      DROP FUNCTION ensure_disclosure_partitions(timestamptz, timestamptz);
      ALTER TABLE disclosures_flat RENAME TO disclosures;
      ALTER TABLE disclosures ADD PRIMARY KEY (id),
        ADD FOREIGN KEY (case_id) REFERENCES cases(id), ADD FOREIGN KEY (reader_id) REFERENCES users(id),
        ADD FOREIGN KEY (organisation_id) REFERENCES organisations(id),
        ADD FOREIGN KEY (handover_id) REFERENCES handovers(id), ADD FOREIGN KEY (consent_id) REFERENCES consents(id);
      CREATE INDEX disclosures_case_idx ON disclosures (case_id, at, id);
      CREATE INDEX disclosures_handover_idx ON disclosures (handover_id);
      CREATE INDEX disclosures_consent_idx ON disclosures (consent_id);
      CREATE OR REPLACE FUNCTION disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'disclosures are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER disclosures_no_change BEFORE UPDATE OR DELETE ON disclosures
        FOR EACH ROW EXECUTE FUNCTION disclosures_append_only();
    `);
  }
}
