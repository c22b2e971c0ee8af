import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, alliances, partners, users, memberships, sessions, login throttling, audit log. */
export class Foundation1764057600000 implements MigrationInterface {
  name = 'Foundation1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_name text,
        kind text NOT NULL,
        legal_domains text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

      CREATE TABLE alliances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        municipality text NOT NULL,
        description text,
        quorum_share double precision NOT NULL DEFAULT 0.5 CHECK (quorum_share >= 0 AND quorum_share <= 1),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        status text NOT NULL,
        joined_on date,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partners_alliance_organisation_key UNIQUE (alliance_id, organisation_id),
        CONSTRAINT partners_dates_check CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
      );
      CREATE INDEX partners_organisation_idx ON partners (organisation_id);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        platform_admin boolean NOT NULL DEFAULT false,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));
      CREATE INDEX users_organisation_idx ON users (organisation_id);

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliances(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        roles text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_alliance_user_key UNIQUE (alliance_id, user_id),
        CONSTRAINT memberships_roles_check CHECK (cardinality(roles) > 0)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sessions_family_idx ON sessions (family_id);
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      -- Failed sign-ins only; keys are hashes, never the e-mail address itself.
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        account_key text NOT NULL,
        address_key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failures_account_idx ON login_failures (account_key, at);
      CREATE INDEX login_failures_address_idx ON login_failures (address_key, at);

      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sequence bigint NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        alliance_id uuid,
        changed_fields text[] NOT NULL DEFAULT '{}',
        hash text NOT NULL,
        previous_hash text
      );
      CREATE INDEX audit_entries_alliance_idx ON audit_entries (alliance_id, sequence);
      CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, sequence);

      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_entries; DROP FUNCTION audit_entries_append_only();
      DROP TABLE login_failures; DROP TABLE sessions; DROP TABLE memberships; DROP TABLE users;
      DROP TABLE partners; DROP TABLE alliances; DROP TABLE organisations;
    `);
  }
}
