import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which meetings are public (off by default), kept apart from `meetings` so that a facilitator can
 * publish or withdraw a meeting also after its record became final; and a change log of agenda
 * items, so the public view knows when an item changed and answers a removed one as deleted.
 */
export class MeetingPublications1795959301290 implements MigrationInterface {
  name = 'MeetingPublications1795959301290';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_publications (
        meeting_id uuid PRIMARY KEY REFERENCES meetings(id),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        public boolean NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        changed_by uuid NOT NULL REFERENCES users(id)
      );
      CREATE INDEX meeting_publications_alliance_idx ON meeting_publications (alliance_id, meeting_id);

      CREATE TABLE agenda_item_changes (
        agenda_item_id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        created_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        deleted_at timestamptz
      );
      CREATE INDEX agenda_item_changes_meeting_idx ON agenda_item_changes (meeting_id);

      CREATE FUNCTION agenda_item_changes_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO agenda_item_changes (agenda_item_id, meeting_id, created_at, changed_at, deleted_at)
            VALUES (OLD.id, OLD.meeting_id, OLD.created_at, clock_timestamp(), clock_timestamp())
            ON CONFLICT (agenda_item_id) DO UPDATE SET changed_at = EXCLUDED.changed_at, deleted_at = EXCLUDED.deleted_at;
          RETURN OLD;
        END IF;
        INSERT INTO agenda_item_changes (agenda_item_id, meeting_id, created_at, changed_at)
          VALUES (NEW.id, NEW.meeting_id, NEW.created_at, clock_timestamp())
          ON CONFLICT (agenda_item_id) DO UPDATE SET changed_at = EXCLUDED.changed_at;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agenda_items_changes AFTER INSERT OR UPDATE OR DELETE ON agenda_items
        FOR EACH ROW EXECUTE FUNCTION agenda_item_changes_record();
      INSERT INTO agenda_item_changes (agenda_item_id, meeting_id, created_at, changed_at)
        SELECT id, meeting_id, created_at, created_at FROM agenda_items;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER agenda_items_changes ON agenda_items; DROP FUNCTION agenda_item_changes_record();
      DROP TABLE agenda_item_changes; DROP TABLE meeting_publications;
    `);
  }
}
