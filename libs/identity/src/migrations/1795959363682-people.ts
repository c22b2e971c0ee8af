import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that come by invitation (no password until accepted), deactivation, the user's
 * language, the second factor, sessions that end (idle and absolute), single-use links.
 * Every token, code and secret link is stored as a SHA-256 hash only.
 */
export class People1795959363682 implements MigrationInterface {
  name = 'People1795959363682';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
      ALTER TABLE users
        ADD COLUMN language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint;

      ALTER TABLE sessions
        ADD COLUMN family_started_at timestamptz,
        ADD COLUMN device text,
        -- Signed in by password, but the second factor is still to be set up: only enrolment is allowed.
        ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false;
      UPDATE sessions SET family_started_at = created_at;
      ALTER TABLE sessions ALTER COLUMN family_started_at SET NOT NULL,
        ALTER COLUMN family_started_at SET DEFAULT now();

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        alliance_id uuid NOT NULL REFERENCES alliances(id) ON DELETE CASCADE,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        sent_count integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX invitations_alliance_idx ON invitations (alliance_id, created_at);
      CREATE INDEX invitations_user_idx ON invitations (user_id);

      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_resets_user_idx ON password_resets (user_id);

      -- Attempts counted for rate limits (password-reset requests, second-factor codes); keys are hashes.
      CREATE TABLE account_attempts (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX account_attempts_key_idx ON account_attempts (kind, key, at);

      CREATE TABLE recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE recovery_codes; DROP TABLE account_attempts; DROP TABLE password_resets; DROP TABLE invitations;
      ALTER TABLE sessions DROP COLUMN family_started_at, DROP COLUMN device, DROP COLUMN second_factor_pending;
      ALTER TABLE users DROP COLUMN language, DROP COLUMN deactivated_at, DROP COLUMN totp_secret,
        DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step;
    `);
  }
}
