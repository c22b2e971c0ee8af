import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed scan of a consent (its evidence): at most one file per consent, sealed like case data
 * (AES-256-GCM, AAD = case id + consent id) and deleted with the case's personal data.
 */
export class ConsentEvidence1795984763803 implements MigrationInterface {
  name = 'ConsentEvidence1795984763803';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consent_evidence (
        consent_id uuid PRIMARY KEY REFERENCES consents(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        byte_size integer NOT NULL CHECK (byte_size > 0 AND byte_size <= 10485760),
        key_id text NOT NULL,
        nonce bytea NOT NULL,
        ciphertext bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX consent_evidence_case_idx ON consent_evidence (case_id);
      CREATE INDEX consent_evidence_key_idx ON consent_evidence (key_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE consent_evidence');
  }
}
