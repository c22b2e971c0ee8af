import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases, their personal data per category (encrypted), consents, handovers and disclosures.
 * Personal data lives only in case_data (AES-256-GCM ciphertext) and, as a keyed blind index of the
 * normalised family name, in cases.family_name_index; nothing else here holds it.
 */
export class Casework1764057900000 implements MigrationInterface {
  name = 'Casework1764057900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Gap-free case numbers per owning organisation and year: the counter row is locked until commit.
      CREATE TABLE case_reference_counters (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        year integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (organisation_id, year)
      );

      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisations(id),
        year integer NOT NULL,
        number integer NOT NULL,
        reference text NOT NULL,
        case_worker_id uuid REFERENCES users(id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'ERASED')),
        support_areas text[] NOT NULL DEFAULT '{}',
        family_name_index text,
        opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        closed_at timestamptz,
        erased_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_owner_number_key UNIQUE (owner_organisation_id, year, number),
        CONSTRAINT cases_erased_check CHECK (status <> 'ERASED' OR family_name_index IS NULL)
      );
      CREATE INDEX cases_owner_opened_idx ON cases (owner_organisation_id, opened_at, id);
      CREATE INDEX cases_opened_idx ON cases (opened_at, id);
      CREATE INDEX cases_family_name_idx ON cases (owner_organisation_id, family_name_index) WHERE family_name_index IS NOT NULL;
      CREATE INDEX cases_reference_idx ON cases (lower(reference) text_pattern_ops);
      CREATE INDEX cases_retention_idx ON cases (closed_at) WHERE status = 'CLOSED';
      CREATE INDEX cases_support_areas_idx ON cases USING gin (support_areas);
      CREATE INDEX cases_case_worker_idx ON cases (case_worker_id);

      -- One row per case and category: AES-256-GCM, nonce and ciphertext‖tag, the key's id.
      CREATE TABLE case_data (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ('IDENTITY', 'CONTACT', 'LANGUAGE', 'RESIDENCE', 'EDUCATION_EMPLOYMENT', 'HOUSING', 'FAMILY', 'HEALTH')),
        key_id text NOT NULL,
        nonce bytea NOT NULL,
        ciphertext bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, category)
      );
      CREATE INDEX case_data_key_idx ON case_data (key_id);

      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        recipient_ids uuid[] NOT NULL CHECK (cardinality(recipient_ids) > 0),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        purpose text NOT NULL,
        form text NOT NULL CHECK (form IN ('WRITTEN', 'ELECTRONIC', 'ORAL_DOCUMENTED')),
        evidence_reference text,
        informed_in_language text NOT NULL CHECK (informed_in_language ~ '^[a-z]{2}$'),
        interpreter_used boolean NOT NULL DEFAULT false,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES users(id),
        withdrawal_note text,
        CONSTRAINT consents_validity_check CHECK (valid_until IS NULL OR valid_until > valid_from),
        -- GDPR Art. 9 / §67b (2) SGB X: health data only under written or electronic consent.
        CONSTRAINT consents_health_form_check CHECK (NOT ('HEALTH' = ANY(categories)) OR form IN ('WRITTEN', 'ELECTRONIC'))
      );
      CREATE INDEX consents_case_idx ON consents (case_id, recorded_at);
      CREATE INDEX consents_recipients_idx ON consents USING gin (recipient_ids);

      CREATE TABLE handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        from_organisation_id uuid NOT NULL REFERENCES organisations(id),
        to_organisation_id uuid NOT NULL REFERENCES organisations(id),
        consent_id uuid NOT NULL REFERENCES consents(id),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        message text,
        status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'COMPLETED')),
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        responded_by uuid REFERENCES users(id),
        responded_at timestamptz,
        decline_reason text,
        outcome text,
        cancelled_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancel_reason text,
        CONSTRAINT handovers_distinct_check CHECK (from_organisation_id <> to_organisation_id)
      );
      CREATE INDEX handovers_case_idx ON handovers (case_id, requested_at);
      CREATE INDEX handovers_to_idx ON handovers (to_organisation_id, status, case_id);
      CREATE INDEX handovers_from_idx ON handovers (from_organisation_id, status);
      CREATE INDEX handovers_consent_idx ON handovers (consent_id);

      -- Written by the system only: who outside the owner read which categories, under what.
      CREATE TABLE disclosures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        reader_id uuid NOT NULL REFERENCES users(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        handover_id uuid NOT NULL REFERENCES handovers(id),
        consent_id uuid NOT NULL REFERENCES consents(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX disclosures_case_idx ON disclosures (case_id, at, id);
      CREATE INDEX disclosures_handover_idx ON disclosures (handover_id);
      CREATE INDEX disclosures_consent_idx ON disclosures (consent_id);
      CREATE FUNCTION disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'disclosures are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER disclosures_no_change BEFORE UPDATE OR DELETE ON disclosures
        FOR EACH ROW EXECUTE FUNCTION disclosures_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE disclosures; DROP FUNCTION disclosures_append_only();
      DROP TABLE handovers; DROP TABLE consents; DROP TABLE case_data; DROP TABLE cases; DROP TABLE case_reference_counters;
    `);
  }
}
