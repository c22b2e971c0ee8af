import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published read views of identity's users and alliance's partners and organisations: what
 * another context may join in one statement (the task board builds its relations in PostgreSQL).
 * Their columns are a contract; the tables behind them stay the owning context's own and may change
 * as long as the views keep answering the same columns. No password hashes, no sessions.
 */
export class DirectoryViews1795960822287 implements MigrationInterface {
  name = 'DirectoryViews1795960822287';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW identity_user_directory AS
        SELECT id, email, display_name, organisation_id, platform_admin, created_at, updated_at FROM users;
      CREATE VIEW alliance_partner_directory AS
        SELECT id, alliance_id, organisation_id, status, joined_on, left_on, created_at FROM partners;
      CREATE VIEW alliance_organisation_directory AS
        SELECT id, name, short_name, kind, legal_domains, created_at FROM organisations;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP VIEW alliance_organisation_directory; DROP VIEW alliance_partner_directory; DROP VIEW identity_user_directory',
    );
  }
}
