import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Db } from '../case.repository.js';
import type { Sealed } from '../crypto/case-crypto.service.js';
import type { EvidenceMediaType } from './evidence-type.js';

/** What is known about a consent's evidence file without opening it. */
export interface EvidenceFacts {
  consentId: string;
  caseId: string;
  mediaType: EvidenceMediaType;
  byteSize: number;
  uploadedById: string;
  uploadedAt: Date;
}

const FACTS = 'e.consent_id, e.case_id, e.media_type, e.byte_size, e.uploaded_by, e.uploaded_at';

function toFacts(row: any): EvidenceFacts {
  return {
    consentId: row.consent_id,
    caseId: row.case_id,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    uploadedById: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at),
  };
}

/** Data access for the sealed evidence files of consents. */
@Injectable()
export class ConsentEvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the file of a consent, replacing an earlier one (the caller holds the case's lock). */
  async put(
    em: EntityManager,
    e: { consentId: string; caseId: string; mediaType: string; byteSize: number; uploadedBy: string },
    sealed: Sealed,
  ): Promise<void> {
    await em.query(
      `INSERT INTO consent_evidence (consent_id, case_id, media_type, byte_size, key_id, nonce, ciphertext, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (consent_id) DO UPDATE SET media_type = EXCLUDED.media_type, byte_size = EXCLUDED.byte_size,
         key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
         uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()`,
      [
        e.consentId,
        e.caseId,
        e.mediaType,
        e.byteSize,
        sealed.keyId,
        sealed.nonce,
        sealed.ciphertext,
        e.uploadedBy,
      ],
    );
  }

  async facts(db: Db, consentId: string): Promise<EvidenceFacts | null> {
    const rows: any[] = await db.query(`SELECT ${FACTS} FROM consent_evidence e WHERE e.consent_id = $1`, [
      consentId,
    ]);
    return rows.length ? toFacts(rows[0]) : null;
  }

  /** The sealed file with its facts. */
  async sealed(db: Db, consentId: string): Promise<(EvidenceFacts & Sealed) | null> {
    const rows: any[] = await db.query(
      `SELECT ${FACTS}, e.key_id, e.nonce, e.ciphertext FROM consent_evidence e WHERE e.consent_id = $1`,
      [consentId],
    );
    if (!rows.length) return null;
    return {
      ...toFacts(rows[0]),
      keyId: rows[0].key_id,
      nonce: rows[0].nonce,
      ciphertext: rows[0].ciphertext,
    };
  }

  /** The evidence facts of the consents among `ids` whose case the organisation owns. */
  async factsOwnedBy(ids: readonly string[], organisationId: string): Promise<EvidenceFacts[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT ${FACTS} FROM consent_evidence e JOIN cases c ON c.id = e.case_id
        WHERE e.consent_id = ANY($1::uuid[]) AND c.owner_organisation_id = $2`,
      [[...ids], organisationId],
    );
    return rows.map(toFacts);
  }

  async ofCase(db: Db, caseId: string): Promise<EvidenceFacts[]> {
    const rows: any[] = await db.query(
      `SELECT ${FACTS} FROM consent_evidence e WHERE e.case_id = $1 ORDER BY e.uploaded_at, e.consent_id`,
      [caseId],
    );
    return rows.map(toFacts);
  }

  /** Art. 17: the files go with the case's personal data. */
  async eraseOfCase(em: EntityManager, caseId: string): Promise<void> {
    await em.query('DELETE FROM consent_evidence WHERE case_id = $1', [caseId]);
  }
}
