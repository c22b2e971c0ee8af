import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Db } from './case.repository.js';
import { CONSENT_ACTIVE } from './consent.repository.js';
import type { Sealed } from './crypto/case-crypto.service.js';

/** A stored category of a case; `handoverId`/`consentId` name the grant when the reader is not the owner. */
export interface SealedCategory extends Sealed {
  caseId: string;
  category: string;
  handoverId: string | null;
  consentId: string | null;
}

/**
 * Invariant 2, in the database: the categories that organisation $2 may read of the cases $1 as a
 * non-owner right now, each with the accepted handover and the active consent that grant it (the
 * most recently accepted one where several do). Its parameters are fixed: $1 case ids, $2 organisation.
 */
const GRANTED_$1_$2 = `SELECT DISTINCT ON (h.case_id, cat.category) h.case_id, cat.category, h.id AS handover_id, h.consent_id
    FROM handovers h
    JOIN consents k ON k.id = h.consent_id AND k.case_id = h.case_id
    JOIN cases c ON c.id = h.case_id
    CROSS JOIN LATERAL unnest(h.categories) AS cat(category)
    WHERE h.case_id = ANY($1::uuid[]) AND h.to_organisation_id = $2 AND h.status = 'ACCEPTED'
      AND c.status <> 'ERASED' AND c.owner_organisation_id <> $2
      AND ${CONSENT_ACTIVE} AND $2 = ANY(k.recipient_ids) AND cat.category = ANY(k.categories)
    ORDER BY h.case_id, cat.category, h.responded_at DESC, h.id`;

/** Data access for the encrypted personal data (`case_data`). */
@Injectable()
export class CaseDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(
    em: EntityManager,
    caseId: string,
    rows: { category: string; sealed: Sealed }[],
  ): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `INSERT INTO case_data (case_id, category, key_id, nonce, ciphertext)
       SELECT $1::uuid, * FROM unnest($2::text[], $3::text[], $4::bytea[], $5::bytea[])
       ON CONFLICT (case_id, category) DO UPDATE SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
      [
        caseId,
        rows.map((r) => r.category),
        rows.map((r) => r.sealed.keyId),
        rows.map((r) => r.sealed.nonce),
        rows.map((r) => r.sealed.ciphertext),
      ],
    );
  }

  async delete(em: EntityManager, caseId: string, categories: string[] | 'all'): Promise<void> {
    if (categories === 'all') await em.query('DELETE FROM case_data WHERE case_id = $1', [caseId]);
    else if (categories.length)
      await em.query('DELETE FROM case_data WHERE case_id = $1 AND category = ANY($2::text[])', [
        caseId,
        categories,
      ]);
  }

  async allOfCase(db: Db, caseId: string): Promise<SealedCategory[]> {
    const rows: any[] = await db.query(
      'SELECT case_id, category, key_id, nonce, ciphertext FROM case_data WHERE case_id = $1',
      [caseId],
    );
    return rows.map(toSealed);
  }

  /** The categories of `caseIds` the organisation may read right now as a non-owner. */
  async granted(
    caseIds: readonly string[],
    organisationId: string,
  ): Promise<{ caseId: string; category: string }[]> {
    const rows: any[] = await this.dataSource.query(GRANTED_$1_$2, [[...caseIds], organisationId]);
    return rows.map((r) => ({ caseId: r.case_id, category: r.category }));
  }

  /**
   * The wanted (case, category) pairs the organisation may read right now: all of its own cases
   * (not erased), and what an active grant covers of others, with the grant.
   */
  async readable(
    wanted: readonly { caseId: string; category: string }[],
    organisationId: string,
  ): Promise<SealedCategory[]> {
    const rows: any[] = await this.dataSource.query(
      `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $3::text[]) AS w(case_id, category)),
       granted AS (${GRANTED_$1_$2})
       SELECT d.case_id, d.category, d.key_id, d.nonce, d.ciphertext, NULL::uuid AS handover_id, NULL::uuid AS consent_id
         FROM wanted w
         JOIN case_data d ON d.case_id = w.case_id AND d.category = w.category
         JOIN cases c ON c.id = d.case_id AND c.owner_organisation_id = $2 AND c.status <> 'ERASED'
       UNION ALL
       SELECT d.case_id, d.category, d.key_id, d.nonce, d.ciphertext, g.handover_id, g.consent_id
         FROM wanted w
         JOIN granted g ON g.case_id = w.case_id AND g.category = w.category
         JOIN case_data d ON d.case_id = w.case_id AND d.category = w.category`,
      [wanted.map((w) => w.caseId), organisationId, wanted.map((w) => w.category)],
    );
    return rows.map(toSealed);
  }
}

function toSealed(r: any): SealedCategory {
  return {
    caseId: r.case_id,
    category: r.category,
    keyId: r.key_id,
    nonce: r.nonce,
    ciphertext: r.ciphertext,
    handoverId: r.handover_id ?? null,
    consentId: r.consent_id ?? null,
  };
}
