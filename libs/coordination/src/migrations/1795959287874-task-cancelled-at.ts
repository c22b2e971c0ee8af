import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the alliance report: when a task was cancelled (its "cancelled in the period"): kept by a trigger
 * (set on cancelling, cleared on reopening), so the task code needs no change; indexes for the report's period filters.
 */
export class TaskCancelledAt1795959287874 implements MigrationInterface {
  name = 'TaskCancelledAt1795959287874';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tasks ADD COLUMN cancelled_at timestamptz;
      UPDATE tasks SET cancelled_at = updated_at WHERE status = 'CANCELLED';
      CREATE FUNCTION tasks_cancelled_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'CANCELLED' AND OLD.status IS DISTINCT FROM 'CANCELLED' THEN
          NEW.cancelled_at := clock_timestamp();
        ELSIF NEW.status <> 'CANCELLED' THEN
          NEW.cancelled_at := NULL;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER tasks_cancelled_at BEFORE INSERT OR UPDATE OF status ON tasks
        FOR EACH ROW EXECUTE FUNCTION tasks_cancelled_at();
      CREATE INDEX tasks_alliance_completed_idx ON tasks (alliance_id, completed_at) WHERE completed_at IS NOT NULL;
      CREATE INDEX tasks_alliance_cancelled_idx ON tasks (alliance_id, cancelled_at) WHERE cancelled_at IS NOT NULL;
      CREATE INDEX measurements_alliance_observed_idx ON measurements (alliance_id, observed_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX measurements_alliance_observed_idx; DROP INDEX tasks_alliance_cancelled_idx; DROP INDEX tasks_alliance_completed_idx;
      DROP TRIGGER tasks_cancelled_at ON tasks; DROP FUNCTION tasks_cancelled_at();
      ALTER TABLE tasks DROP COLUMN cancelled_at;
    `);
  }
}
