import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Actor,
  decodeCursor,
  DomainError,
  isUuid,
  type LoaderRegistry,
  pageSize,
  toPage,
  type Page,
} from '../../core/src/index.js';
import { CaseCrypto } from './crypto/case-crypto.service.js';
import { ALL_CATEGORIES, CaseStatus, DataCategory } from './casework.enums.js';
import type { CaseModel, DisclosureModel } from './casework.models.js';
import {
  caseVisible,
  CONSENT_ACTIVE,
  grantedCategoriesSql,
  isCaseWorker,
  sortCategories,
  toDisclosure,
} from './casework.sql.js';

/** Input field name ↔ category. */
export const CATEGORY_FIELDS: Record<string, DataCategory> = {
  identity: DataCategory.IDENTITY,
  contact: DataCategory.CONTACT,
  language: DataCategory.LANGUAGE,
  residence: DataCategory.RESIDENCE,
  educationEmployment: DataCategory.EDUCATION_EMPLOYMENT,
  housing: DataCategory.HOUSING,
  family: DataCategory.FAMILY,
  health: DataCategory.HEALTH,
};

/** Category → field name of Case and of the inputs. */
export const CASE_FIELDS_OF: Record<DataCategory, string> = Object.fromEntries(
  Object.entries(CATEGORY_FIELDS).map(([f, c]) => [c, f]),
) as Record<DataCategory, string>;

const SHAPES: Record<DataCategory, Record<string, 'text' | 'list' | 'value'>> = {
  IDENTITY: { givenName: 'text', familyName: 'text', dateOfBirth: 'value' },
  CONTACT: { phone: 'text', email: 'text', address: 'text' },
  LANGUAGE: { germanLevel: 'value', otherLanguages: 'list', note: 'text' },
  RESIDENCE: { status: 'text', permitValidUntil: 'value', note: 'text' },
  EDUCATION_EMPLOYMENT: {
    qualifications: 'list',
    recognitionStatus: 'text',
    jobWishes: 'list',
    note: 'text',
  },
  HOUSING: { situation: 'text', note: 'text' },
  FAMILY: { householdSize: 'value', childrenCount: 'value', note: 'text' },
  HEALTH: { note: 'text' },
};

/** The stored form of a category: every field present, strings trimmed, blanks as null; null when nothing is left. */
export function normaliseCategory(
  category: DataCategory,
  input: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!input) return null;
  const out: Record<string, unknown> = {};
  let empty = true;
  for (const [field, kind] of Object.entries(SHAPES[category])) {
    const v = input[field];
    if (kind === 'list') {
      const list = Array.isArray(v) ? v.map((s) => String(s).trim()).filter(Boolean) : [];
      out[field] = list;
      if (list.length) empty = false;
    } else if (kind === 'text') {
      const s = typeof v === 'string' ? v.trim() : null;
      out[field] = s || null;
      if (s) empty = false;
    } else {
      out[field] = v ?? null;
      if (v !== undefined && v !== null) empty = false;
    }
  }
  return empty ? null : out;
}

/**
 * Personal data by category: encrypted writes, and reads that evaluate invariant 2 in the database
 * on every request and record every non-owner read as a Disclosure before any data is returned.
 */
@Injectable()
export class CaseDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: CaseCrypto,
  ) {}

  /** Replaces the given categories (an empty or null one is deleted), in the caller's transaction. */
  async write(
    em: EntityManager,
    caseId: string,
    values: Partial<Record<DataCategory, Record<string, unknown> | null>>,
  ): Promise<void> {
    const upserts: unknown[] = [];
    const rows: string[] = [];
    const deletes: string[] = [];
    for (const [category, raw] of Object.entries(values) as [
      DataCategory,
      Record<string, unknown> | null,
    ][]) {
      const value = normaliseCategory(category, raw);
      if (!value) {
        deletes.push(category);
        continue;
      }
      const sealed = this.crypto.seal(caseId, category, value);
      const n = upserts.length;
      rows.push(`($${n + 1}::uuid, $${n + 2}, $${n + 3}, $${n + 4}::bytea, $${n + 5}::bytea)`);
      upserts.push(caseId, category, sealed.keyId, sealed.nonce, sealed.ciphertext);
    }
    if (deletes.length)
      await em.query('DELETE FROM case_data WHERE case_id = $1 AND category = ANY($2::text[])', [
        caseId,
        deletes,
      ]);
    if (rows.length) {
      await em.query(
        `INSERT INTO case_data (case_id, category, key_id, nonce, ciphertext) VALUES ${rows.join(', ')}
         ON CONFLICT (case_id, category) DO UPDATE SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
        upserts,
      );
    }
  }

  /** Decrypts every category of a case for its owner (no disclosure: the owner reads its own data). */
  async readAllForOwner(
    em: EntityManager | DataSource,
    caseId: string,
  ): Promise<Partial<Record<DataCategory, unknown>>> {
    const rows: any[] = await em.query(
      'SELECT category, key_id, nonce, ciphertext FROM case_data WHERE case_id = $1',
      [caseId],
    );
    const out: Partial<Record<DataCategory, unknown>> = {};
    for (const r of rows)
      out[r.category as DataCategory] = this.crypto.open(caseId, r.category, {
        keyId: r.key_id,
        nonce: r.nonce,
        ciphertext: r.ciphertext,
      });
    return out;
  }

  /** The categories the viewer may read right now: all for the owner (none once erased), the granted ones for others. */
  async visibleCategories(c: CaseModel, actor: Actor, loaders: LoaderRegistry): Promise<DataCategory[]> {
    if (c.status === CaseStatus.ERASED) return [];
    if (c.viewerIsOwner) return ALL_CATEGORIES;
    if (!isCaseWorker(actor)) return [];
    return this.grantsLoader(loaders, actor).load(c.id);
  }

  private grantsLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, DataCategory[]>('casework.grants', async (ids) => {
      const rows: any[] = await this.dataSource.query(grantedCategoriesSql('$1::uuid[]', '$2::uuid'), [
        [...ids],
        actor.organisationId,
      ]);
      const byCase = new Map<string, string[]>();
      for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.category]);
      return ids.map((id) => sortCategories(byCase.get(id) ?? []));
    });
  }

  /**
   * One category of one case, or null when the viewer may not read it (or it is empty). All loads of
   * a request batch into one query that checks access in the database, and one insert of the
   * disclosures for what non-owners read; if that insert fails, nothing is returned (fail closed).
   */
  async category(
    c: CaseModel,
    category: DataCategory,
    actor: Actor,
    loaders: LoaderRegistry,
  ): Promise<unknown> {
    if (!isCaseWorker(actor) || c.status === CaseStatus.ERASED) return null;
    return this.dataLoader(loaders, actor).load(`${c.id}|${category}`);
  }

  private dataLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, unknown>('casework.data', async (keys) => {
      const caseIds = keys.map((k) => k.split('|')[0]);
      const categories = keys.map((k) => k.split('|')[1]);
      const rows: any[] = await this.dataSource.query(
        `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS w(case_id, category)),
         granted AS (${grantedCategoriesSql('$1::uuid[]', '$3::uuid')})
         SELECT d.case_id, d.category, d.key_id, d.nonce, d.ciphertext, NULL::uuid AS handover_id, NULL::uuid AS consent_id
           FROM wanted w
           JOIN case_data d ON d.case_id = w.case_id AND d.category = w.category
           JOIN cases c ON c.id = d.case_id AND c.owner_organisation_id = $3 AND c.status <> 'ERASED'
         UNION ALL
         SELECT d.case_id, d.category, d.key_id, d.nonce, d.ciphertext, g.handover_id, g.consent_id
           FROM wanted w
           JOIN granted g ON g.case_id = w.case_id AND g.category = w.category
           JOIN case_data d ON d.case_id = w.case_id AND d.category = w.category`,
        [caseIds, categories, actor.organisationId],
      );
      const values = new Map<string, unknown>();
      const disclosed = new Map<
        string,
        { caseId: string; handoverId: string; consentId: string; categories: string[] }
      >();
      for (const r of rows) {
        let value: unknown;
        try {
          value = this.crypto.open(r.case_id, r.category, {
            keyId: r.key_id,
            nonce: r.nonce,
            ciphertext: r.ciphertext,
          });
        } catch {
          // Unreadable (tampered, or written under a key not configured): that one field fails, nothing is disclosed.
          values.set(
            `${r.case_id}|${r.category}`,
            new Error(`case data of category ${r.category} could not be decrypted`),
          );
          continue;
        }
        values.set(`${r.case_id}|${r.category}`, value);
        if (r.handover_id) {
          const key = `${r.case_id}|${r.handover_id}`;
          const d = disclosed.get(key) ?? {
            caseId: r.case_id,
            handoverId: r.handover_id,
            consentId: r.consent_id,
            categories: [] as string[],
          };
          d.categories.push(r.category);
          disclosed.set(key, d);
        }
      }
      if (disclosed.size) {
        const list = [...disclosed.values()];
        // Awaited before any value is handed back: a failed insert rejects every load of the batch.
        // The insert re-checks the grant under a share lock of handover and consent, so a withdrawal
        // (which locks the consent for update) waits for it, and a read that loses the race records
        // nothing and returns nothing: no disclosure is ever later than the consent's withdrawnAt.
        const recorded: { case_id: string; handover_id: string }[] = await this.dataSource.query(
          `WITH v AS (
             SELECT v.case_id, string_to_array(v.categories, ',') AS categories, v.handover_id, v.consent_id
               FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[]) AS v(case_id, categories, handover_id, consent_id)),
           granting AS (
             SELECT h.id, h.case_id, h.consent_id, h.categories AS handed_over, k.categories AS consented
               FROM handovers h JOIN consents k ON k.id = h.consent_id
              WHERE h.id = ANY($5::uuid[]) AND h.to_organisation_id = $2 AND h.status = 'ACCEPTED'
                AND ${CONSENT_ACTIVE} AND $2 = ANY(k.recipient_ids)
              FOR SHARE OF h, k)
           INSERT INTO disclosures (case_id, reader_id, organisation_id, categories, handover_id, consent_id)
           SELECT v.case_id, $1, $2, v.categories, v.handover_id, v.consent_id
             FROM v JOIN granting g ON g.id = v.handover_id AND g.case_id = v.case_id AND g.consent_id = v.consent_id
            WHERE v.categories <@ g.handed_over AND v.categories <@ g.consented
           RETURNING case_id, handover_id`,
          [
            actor.userId,
            actor.organisationId,
            list.map((d) => d.caseId),
            list.map((d) => sortCategories(d.categories).join(',')),
            list.map((d) => d.handoverId),
            list.map((d) => d.consentId),
          ],
        );
        const kept = new Set(recorded.map((r) => `${r.case_id}|${r.handover_id}`));
        for (const [key, d] of disclosed)
          if (!kept.has(key)) for (const category of d.categories) values.delete(`${d.caseId}|${category}`);
      }
      return keys.map((k) => values.get(k) ?? null);
    });
  }

  /**
   * Owner only: who outside the owning organisation read this case's data. A case the caller sees
   * but does not own (a receiving organisation) answers FORBIDDEN; one it cannot see NOT_FOUND.
   */
  async disclosures(
    actor: Actor,
    caseId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<DisclosureModel>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (!isCaseWorker(actor) || !isUuid(caseId)) throw DomainError.notFound('Case');
    const [seen] = await this.dataSource.query(
      `SELECT c.owner_organisation_id = $2 AS owned FROM cases c WHERE c.id = $1 AND ${caseVisible('$2::uuid')}`,
      [caseId, actor.organisationId],
    );
    if (!seen) throw DomainError.notFound('Case');
    if (!seen.owned)
      throw DomainError.forbidden("Only the owning organisation's case workers may see who read a case");
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM disclosures WHERE case_id = $1',
      [caseId],
    );
    const params: unknown[] = [caseId];
    let keyset = '';
    if (cursor) {
      if (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string')
        throw DomainError.field('after', 'is not a valid cursor');
      params.push(cursor[0], cursor[1]);
      keyset = 'AND (at, id) > ($2::timestamptz, $3::uuid)';
    }
    const rows: any[] = await this.dataSource.query(
      `SELECT *, at::text AS at_key FROM disclosures WHERE case_id = $1 ${keyset} ORDER BY at, id LIMIT ${limit + 1}`,
      params,
    );
    return toPage(rows.map(toDisclosure), limit, count, (d) => [d.atKey, d.id]);
  }
}
