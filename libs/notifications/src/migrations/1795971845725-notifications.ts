import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-portal notifications and the per-kind delivery preferences. A notification carries its kind,
 * the object it links to and text parameters that never hold a client's personal data; `email`
 * records how its mail goes (IMMEDIATE: written to the outbox with it; DIGEST: in the next daily
 * digest, `mailed_at` set then; OFF: no mail). The outbox gains the per-mail headers
 * (List-Unsubscribe) and an optional iCalendar part.
 */
export class Notifications1795971845725 implements MigrationInterface {
  name = 'Notifications1795971845725';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        alliance_id uuid,
        kind text NOT NULL,
        object_type text NOT NULL,
        object_id uuid NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        email text NOT NULL CHECK (email IN ('IMMEDIATE', 'DIGEST', 'OFF')),
        mailed_at timestamptz,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz
      );
      CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread_idx ON notifications (recipient_id, created_at DESC, id DESC)
        WHERE read_at IS NULL;
      CREATE INDEX notifications_digest_idx ON notifications (recipient_id, created_at)
        WHERE email = 'DIGEST' AND mailed_at IS NULL;
      CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (recipient_id, kind, dedupe_key)
        WHERE dedupe_key IS NOT NULL;

      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'OFF')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      );

      ALTER TABLE mail_outbox
        ADD COLUMN headers jsonb,
        ADD COLUMN calendar_method text,
        ADD COLUMN calendar_content text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mail_outbox DROP COLUMN headers, DROP COLUMN calendar_method, DROP COLUMN calendar_content;
      DROP TABLE notification_preferences;
      DROP TABLE notifications;
    `);
  }
}
