import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A business phone number on the user's profile, shown with their e-mail as whom to contact. */
export class UserPhone1796030000001 implements MigrationInterface {
  name = 'UserPhone1796030000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN phone text CHECK (phone ~ '^\\+?[0-9][0-9 ()/-]{2,29}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN phone');
  }
}
