import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the alliance report's casework statistics: when a handover was completed (set by a trigger,
 * so the handover code needs no change), indexes for the period filters, and the frozen,
 * already-suppressed figures of each finished quarter (aggregates only, never a case's value).
 */
export class CaseStatistics1795959287873 implements MigrationInterface {
  name = 'CaseStatistics1795959287873';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE handovers ADD COLUMN completed_at timestamptz;
      UPDATE handovers SET completed_at = coalesce(responded_at, requested_at) WHERE status = 'COMPLETED';
      CREATE FUNCTION handovers_completed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'COMPLETED' AND OLD.status <> 'COMPLETED' THEN
          NEW.completed_at := clock_timestamp();
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER handovers_completed_at BEFORE UPDATE OF status ON handovers
        FOR EACH ROW EXECUTE FUNCTION handovers_completed_at();

      CREATE INDEX cases_owner_closed_idx ON cases (owner_organisation_id, closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX cases_owner_erased_idx ON cases (owner_organisation_id, erased_at) WHERE erased_at IS NOT NULL;
      CREATE INDEX handovers_from_requested_idx ON handovers (from_organisation_id, requested_at);
      CREATE INDEX handovers_from_responded_idx ON handovers (from_organisation_id, responded_at) WHERE responded_at IS NOT NULL;
      CREATE INDEX handovers_from_completed_idx ON handovers (from_organisation_id, completed_at) WHERE completed_at IS NOT NULL;
      CREATE INDEX consents_recorded_idx ON consents (recorded_at);
      CREATE INDEX consents_withdrawn_idx ON consents (withdrawn_at) WHERE withdrawn_at IS NOT NULL;

      -- One row per alliance and finished quarter: the published (suppressed) tables, computed once,
      -- so every later report shows the same numbers and no two reports of a quarter can be differenced.
      CREATE TABLE case_statistics_quarters (
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        quarter_start date NOT NULL,
        minimum_count integer NOT NULL,
        figures jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (alliance_id, quarter_start)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE case_statistics_quarters;
      DROP INDEX consents_withdrawn_idx; DROP INDEX consents_recorded_idx;
      DROP INDEX handovers_from_completed_idx; DROP INDEX handovers_from_responded_idx; DROP INDEX handovers_from_requested_idx;
      DROP INDEX cases_owner_erased_idx; DROP INDEX cases_owner_closed_idx;
      DROP TRIGGER handovers_completed_at ON handovers; DROP FUNCTION handovers_completed_at();
      ALTER TABLE handovers DROP COLUMN completed_at;
    `);
  }
}
