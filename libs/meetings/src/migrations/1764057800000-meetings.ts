import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings, invited partners, agenda, attendance, decisions with their per-alliance-and-year
 * counter, calendar feeds. Rows of a meeting whose minutes are approved are final: triggers refuse
 * to change them, as a second line behind the service's CONFLICT.
 */
export class Meetings1764057800000 implements MigrationInterface {
  name = 'Meetings1764057800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PLENARY', 'STEERING_GROUP', 'WORKING_GROUP')),
        status text NOT NULL DEFAULT 'SCHEDULED'
          CHECK (status IN ('SCHEDULED', 'IN_PROGRESS', 'ADJOURNED', 'MINUTES_APPROVED', 'CANCELLED')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location text,
        facilitator_id uuid NOT NULL REFERENCES users(id),
        cancellation_reason text,
        cancelled_at timestamptz,
        started_at timestamptz,
        adjourned_at timestamptz,
        minutes_text text,
        minutes_saved_at timestamptz,
        minutes_approved_at timestamptz,
        minutes_approved_by uuid REFERENCES users(id),
        calendar_sequence integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meetings_times_check CHECK (ends_at > starts_at)
      );
      CREATE INDEX meetings_alliance_starts_idx ON meetings (alliance_id, starts_at, id);
      CREATE INDEX meetings_facilitator_idx ON meetings (facilitator_id);

      CREATE TABLE meeting_invited_partners (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id),
        position integer NOT NULL,
        PRIMARY KEY (meeting_id, partner_id)
      );
      CREATE INDEX meeting_invited_partners_partner_idx ON meeting_invited_partners (partner_id);

      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        position integer NOT NULL CHECK (position >= 1),
        title text NOT NULL,
        description text,
        presenter_partner_id uuid REFERENCES partners(id),
        duration_minutes integer CHECK (duration_minutes > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_items_meeting_position_key UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED
      );
      CREATE INDEX agenda_items_presenter_idx ON agenda_items (presenter_partner_id) WHERE presenter_partner_id IS NOT NULL;

      CREATE TABLE attendances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        partner_id uuid NOT NULL REFERENCES partners(id),
        status text NOT NULL CHECK (status IN ('PRESENT', 'EXCUSED', 'ABSENT')),
        attendee_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendances_meeting_partner_key UNIQUE (meeting_id, partner_id),
        CONSTRAINT attendances_attendees_check CHECK (status = 'PRESENT' OR cardinality(attendee_ids) = 0)
      );
      CREATE INDEX attendances_partner_idx ON attendances (partner_id);

      -- One row per alliance and year; incremented under its row lock in the recording transaction,
      -- so numbers are gap-free (a rollback rolls the increment back) and unique.
      CREATE TABLE decision_counters (
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        year integer NOT NULL,
        last_serial integer NOT NULL,
        PRIMARY KEY (alliance_id, year)
      );

      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        agenda_item_id uuid REFERENCES agenda_items(id),
        year integer NOT NULL,
        serial integer NOT NULL CHECK (serial >= 1),
        number text NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ADOPTED', 'REJECTED', 'DEFERRED')),
        votes_for integer CHECK (votes_for >= 0),
        votes_against integer CHECK (votes_against >= 0),
        abstentions integer CHECK (abstentions >= 0),
        consensus boolean NOT NULL DEFAULT false,
        amends_id uuid REFERENCES decisions(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL,
        corrected_at timestamptz,
        CONSTRAINT decisions_alliance_year_serial_key UNIQUE (alliance_id, year, serial),
        CONSTRAINT decisions_alliance_number_key UNIQUE (alliance_id, number)
      );
      CREATE INDEX decisions_meeting_idx ON decisions (meeting_id, year, serial);
      CREATE INDEX decisions_agenda_item_idx ON decisions (agenda_item_id) WHERE agenda_item_id IS NOT NULL;
      CREATE INDEX decisions_amends_idx ON decisions (amends_id) WHERE amends_id IS NOT NULL;
      CREATE INDEX decisions_search_idx ON decisions USING gin (to_tsvector('german', title || ' ' || text));

      -- Only a hash of each user's secret feed token; rotating replaces it, revoking deletes it.
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feeds_user_key UNIQUE (user_id),
        CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash)
      );

      CREATE FUNCTION meetings_record_final() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        meeting uuid;
      BEGIN
        IF TG_TABLE_NAME = 'meetings' THEN
          IF OLD.status = 'MINUTES_APPROVED' THEN
            RAISE EXCEPTION 'the record of this meeting is final' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        meeting := CASE WHEN TG_OP = 'INSERT' THEN NEW.meeting_id ELSE OLD.meeting_id END;
        IF EXISTS (SELECT 1 FROM meetings WHERE id = meeting AND status = 'MINUTES_APPROVED') THEN
          RAISE EXCEPTION 'the record of this meeting is final' USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER meetings_final BEFORE UPDATE ON meetings
        FOR EACH ROW EXECUTE FUNCTION meetings_record_final();
      CREATE TRIGGER agenda_items_final BEFORE INSERT OR UPDATE OR DELETE ON agenda_items
        FOR EACH ROW EXECUTE FUNCTION meetings_record_final();
      CREATE TRIGGER attendances_final BEFORE INSERT OR UPDATE OR DELETE ON attendances
        FOR EACH ROW EXECUTE FUNCTION meetings_record_final();
      CREATE TRIGGER decisions_final BEFORE INSERT OR UPDATE OR DELETE ON decisions
        FOR EACH ROW EXECUTE FUNCTION meetings_record_final();
    `);
    // Follow-up tasks (coordination's table, created by an earlier migration) point at decisions.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'tasks' AND column_name = 'decision_id') THEN
          ALTER TABLE tasks ADD CONSTRAINT tasks_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES decisions(id);
          IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'tasks' AND indexdef LIKE '%(decision_id)%') THEN
            CREATE INDEX tasks_decision_idx ON tasks (decision_id) WHERE decision_id IS NOT NULL;
          END IF;
        END IF;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE IF EXISTS tasks DROP CONSTRAINT IF EXISTS tasks_decision_id_fkey;
      DROP TABLE calendar_feeds; DROP TABLE decisions; DROP TABLE decision_counters; DROP TABLE attendances;
      DROP TABLE agenda_items; DROP TABLE meeting_invited_partners; DROP TABLE meetings;
      DROP FUNCTION meetings_record_final();
    `);
  }
}
