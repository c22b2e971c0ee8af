import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance's opt-in to a public record (the OParl view), off by default, with the time it last
 * changed (an alliance that opts out is then answered as deleted), a contact address for the public,
 * and the funding period (OParl's LegislativeTerm).
 */
export class AlliancePublicRecord1795959301289 implements MigrationInterface {
  name = 'AlliancePublicRecord1795959301289';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE alliances
        ADD COLUMN public_record boolean NOT NULL DEFAULT false,
        ADD COLUMN public_record_changed_at timestamptz,
        ADD COLUMN public_contact_email text,
        ADD COLUMN funding_period_start date,
        ADD COLUMN funding_period_end date,
        ADD CONSTRAINT alliances_public_record_check CHECK (NOT public_record OR public_record_changed_at IS NOT NULL),
        ADD CONSTRAINT alliances_funding_period_check
          CHECK (funding_period_start IS NULL OR funding_period_end IS NULL OR funding_period_end >= funding_period_start);
      -- The OParl body list: alliances that are or were public, in a stable order.
      CREATE INDEX alliances_public_record_idx ON alliances (created_at, id) WHERE public_record_changed_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX alliances_public_record_idx;
      ALTER TABLE alliances DROP CONSTRAINT alliances_funding_period_check, DROP CONSTRAINT alliances_public_record_check,
        DROP COLUMN funding_period_end, DROP COLUMN funding_period_start, DROP COLUMN public_contact_email,
        DROP COLUMN public_record_changed_at, DROP COLUMN public_record;
    `);
  }
}
