import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handovers on a statutory basis, the duplicate check, and case maintenance.
 *
 * A handover on a legal basis (instead of the client's consent) keeps its grant in `consents`
 * (form STATUTORY, the basis's code in `legal_basis`, the written justification as `purpose`), so
 * every access rule that evaluates a consent (GRANTED, the disclosure insert's re-check, withdrawal
 * = revocation) holds for it unchanged; the one addition is that such a grant is active only once a
 * second case worker of the owning organisation approved it (`approved_at`).
 *
 * HEALTH under a legal basis: only for the bases whose law itself permits it (the code list's
 * `permitsHealth`, today KKG_4_SGB_VIII_8A); a change of that list needs a migration like this one.
 */
export class StatutoryHandovers1796030000000 implements MigrationInterface {
  name = 'StatutoryHandovers1796030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consents DROP CONSTRAINT consents_form_check;
      ALTER TABLE consents DROP CONSTRAINT consents_health_form_check;
      ALTER TABLE consents
        ADD COLUMN legal_basis text,
        ADD COLUMN approved_by uuid REFERENCES users(id),
        ADD COLUMN approved_at timestamptz,
        ADD COLUMN rejected_by uuid REFERENCES users(id),
        ADD COLUMN rejected_at timestamptz,
        ADD COLUMN rejection_reason text,
        ADD CONSTRAINT consents_form_check CHECK (form IN ('WRITTEN', 'ELECTRONIC', 'ORAL_DOCUMENTED', 'STATUTORY')),
        ADD CONSTRAINT consents_statutory_check CHECK ((form = 'STATUTORY') = (legal_basis IS NOT NULL)),
        ADD CONSTRAINT consents_approval_check CHECK (
          (approved_at IS NULL OR (legal_basis IS NOT NULL AND rejected_at IS NULL AND approved_by IS DISTINCT FROM recorded_by))
          AND (rejected_at IS NULL OR legal_basis IS NOT NULL)),
        -- GDPR Art. 9 / §67b (2) SGB X: health data only under written or electronic consent, or a basis that permits it.
        ADD CONSTRAINT consents_health_form_check CHECK (NOT ('HEALTH' = ANY(categories))
          OR form IN ('WRITTEN', 'ELECTRONIC') OR (form = 'STATUTORY' AND legal_basis IN ('KKG_4_SGB_VIII_8A')));

      ALTER TABLE disclosures ADD COLUMN legal_basis text;

      -- A handover on a legal basis waits for a second case worker of the sender: until then the
      -- receiving organisation does not see it at all.
      ALTER TABLE handovers ADD COLUMN completed_by uuid REFERENCES users(id),
        ADD COLUMN awaiting_approval boolean NOT NULL DEFAULT false;

      ALTER TABLE cases
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN closing_reason text CHECK (closing_reason IN ('GOAL_REACHED', 'REFERRED', 'MOVED_AWAY', 'NO_CONTACT', 'CLIENT_REQUEST', 'OTHER')),
        ADD COLUMN reopened_at timestamptz,
        -- Keyed blind index of normalised family name and date of birth (HMAC), for the duplicate check.
        ADD COLUMN duplicate_index text,
        ADD CONSTRAINT cases_erased_duplicate_check CHECK (status <> 'ERASED' OR duplicate_index IS NULL);
      CREATE INDEX cases_duplicate_idx ON cases (owner_organisation_id, duplicate_index)
        WHERE duplicate_index IS NOT NULL AND status = 'OPEN';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX cases_duplicate_idx;
      ALTER TABLE cases DROP CONSTRAINT cases_erased_duplicate_check, DROP COLUMN duplicate_index,
        DROP COLUMN reopened_at, DROP COLUMN closing_reason, DROP COLUMN version;
      ALTER TABLE handovers DROP COLUMN awaiting_approval, DROP COLUMN completed_by;
      ALTER TABLE disclosures DROP COLUMN legal_basis;
      ALTER TABLE consents DROP CONSTRAINT consents_health_form_check, DROP CONSTRAINT consents_approval_check,
        DROP CONSTRAINT consents_statutory_check, DROP CONSTRAINT consents_form_check;
      ALTER TABLE consents DROP COLUMN rejection_reason, DROP COLUMN rejected_at, DROP COLUMN rejected_by,
        DROP COLUMN approved_at, DROP COLUMN approved_by, DROP COLUMN legal_basis;
      ALTER TABLE consents
        ADD CONSTRAINT consents_form_check CHECK (form IN ('WRITTEN', 'ELECTRONIC', 'ORAL_DOCUMENTED')),
        ADD CONSTRAINT consents_health_form_check CHECK (NOT ('HEALTH' = ANY(categories)) OR form IN ('WRITTEN', 'ELECTRONIC'));
    `);
  }
}
