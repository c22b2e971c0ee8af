import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance context's published read views of its public record, for the OParl view and for
 * meetings' public views to join: alliances that are or were public as OParl bodies, their partners
 * as OParl organizations, and every alliance's public-record state. Their columns are a contract; the
 * tables behind them stay this context's own. No persons.
 */
export class AlliancePublicRecordViews1795980000000 implements MigrationInterface {
  name = 'AlliancePublicRecordViews1795980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW alliance_public_record_state AS
        SELECT id, name, public_record, public_record_changed_at, created_at FROM alliances;
      CREATE VIEW alliance_public_bodies AS
        SELECT a.id, a.id AS body_id, a.name, a.municipality, a.description, a.public_contact_email,
               a.funding_period_start::text AS funding_period_start, a.funding_period_end::text AS funding_period_end,
               NOT a.public_record AS deleted, a.created_at AS created, a.created_at::text AS created_key,
               CASE WHEN a.public_record THEN GREATEST(a.updated_at, a.public_record_changed_at)
                    ELSE a.public_record_changed_at END AS modified
          FROM alliances a
         WHERE a.public_record_changed_at IS NOT NULL;
      CREATE VIEW alliance_public_organizations AS
        SELECT p.id, p.alliance_id AS body_id, o.name, o.short_name, o.kind, o.legal_domains, p.status,
               p.joined_on::text AS joined_on, p.left_on::text AS left_on,
               NOT a.public_record AS deleted, p.created_at AS created, p.created_at::text AS created_key,
               CASE WHEN a.public_record THEN GREATEST(p.created_at, o.created_at, a.public_record_changed_at)
                    ELSE a.public_record_changed_at END AS modified
          FROM partners p
          JOIN organisations o ON o.id = p.organisation_id
          JOIN alliances a ON a.id = p.alliance_id
         WHERE a.public_record_changed_at IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP VIEW alliance_public_organizations; DROP VIEW alliance_public_bodies; DROP VIEW alliance_public_record_state',
    );
  }
}
