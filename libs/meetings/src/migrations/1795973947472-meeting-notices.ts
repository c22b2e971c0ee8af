import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notices a meeting change owes its people (invitation, change, cancellation, agenda, minutes):
 * one row per change, written in the change's transaction; a background worker fans each out to
 * the recipients later, so the request's cost does not grow with the alliance.
 */
export class MeetingNotices1795973947472 implements MigrationInterface {
  name = 'MeetingNotices1795973947472';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        kind text NOT NULL,
        actor_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        run_after timestamptz NOT NULL DEFAULT clock_timestamp(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        -- Set when the notice was fanned out (or given up after repeated failure: failed = true).
        done_at timestamptz,
        failed boolean NOT NULL DEFAULT false,
        recipients integer
      );
      CREATE INDEX meeting_notices_pending_idx ON meeting_notices (created_at) WHERE done_at IS NULL;
      CREATE INDEX meeting_notices_meeting_idx ON meeting_notices (meeting_id, created_at) WHERE done_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE meeting_notices');
  }
}
