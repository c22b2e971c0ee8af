import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

export const MAIL_QUEUE = 'mail-deliver';

/**
 * The mail outbox, and pg-boss's job tables (schema `pgboss`) with the delivery queue. pg-boss's
 * own construction script is applied here, inside this migration's transaction (its BEGIN/COMMIT
 * removed), so every database that has the outbox can also enqueue deliveries in the same
 * transaction; later pg-boss versions migrate their schema themselves when a worker starts.
 */
export class MailOutbox1795959363681 implements MigrationInterface {
  name = 'MailOutbox1795959363681';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient text NOT NULL,
        language text NOT NULL CHECK (language IN ('de', 'en')),
        template text NOT NULL,
        subject text NOT NULL,
        -- Cleared once delivered: a link in a mail is not kept after it has left.
        text_body text,
        html_body text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz
      );
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);
      CREATE INDEX mail_outbox_status_idx ON mail_outbox (status, created_at DESC, id DESC);
    `);
    const plan = PgBoss.getConstructionPlans('pgboss')
      .replace(/^\s*BEGIN;/m, '')
      .replace(/COMMIT;\s*$/m, '');
    await q.query(plan);
    await q.query(`SELECT pgboss.create_queue($1, $2)`, [
      MAIL_QUEUE,
      JSON.stringify({ policy: 'standard', retryLimit: 7, retryDelay: 5, retryBackoff: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA pgboss CASCADE; DROP TABLE mail_outbox;');
  }
}
