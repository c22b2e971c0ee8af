import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type Actor,
  countWhenSelected,
  decodeCursor,
  DomainError,
  isUuid,
  type LoaderRegistry,
  pageSize,
  toPage,
  type Page,
  FieldRule,
} from '../../core/src/index.js';
import { CaseRepository, type Db } from './case.repository.js';
import { CaseDataRepository } from './case-data.repository.js';
import { CaseCrypto, type Sealed } from './crypto/case-crypto.service.js';
import { ALL_CATEGORIES, CaseStatus, DataCategory } from './casework.enums.js';
import type { CaseModel, DisclosureModel } from './casework.models.js';
import { isCaseWorker, sortCategories } from './casework.rules.js';
import { DisclosureRepository, type DisclosureToRecord } from './disclosure.repository.js';

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
    private readonly crypto: CaseCrypto,
    private readonly repo: CaseDataRepository,
    private readonly cases: CaseRepository,
    private readonly disclosuresRepo: DisclosureRepository,
  ) {}

  /** Replaces the given categories (an empty or null one is deleted), in the caller's transaction. */
  async write(
    em: EntityManager,
    caseId: string,
    values: Partial<Record<DataCategory, Record<string, unknown> | null>>,
  ): Promise<void> {
    const upserts: { category: string; sealed: Sealed }[] = [];
    const deletes: string[] = [];
    for (const [category, raw] of Object.entries(values) as [
      DataCategory,
      Record<string, unknown> | null,
    ][]) {
      const value = normaliseCategory(category, raw);
      if (value) upserts.push({ category, sealed: this.crypto.seal(caseId, category, value) });
      else deletes.push(category);
    }
    await this.repo.delete(em, caseId, deletes);
    await this.repo.upsert(em, caseId, upserts);
  }

  /** Art. 17: every category of the case, in the caller's transaction. */
  eraseAll(em: EntityManager, caseId: string): Promise<void> {
    return this.repo.delete(em, caseId, 'all');
  }

  /** Decrypts every category of a case for its owner (no disclosure: the owner reads its own data). */
  async readAllForOwner(db: Db, caseId: string): Promise<Partial<Record<DataCategory, unknown>>> {
    const out: Partial<Record<DataCategory, unknown>> = {};
    for (const r of await this.repo.allOfCase(db, caseId))
      out[r.category as DataCategory] = this.crypto.open(caseId, r.category, r);
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
      const byCase = new Map<string, string[]>();
      for (const r of await this.repo.granted(ids, actor.organisationId))
        byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r.category]);
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
      const wanted = keys.map((k) => ({ caseId: k.split('|')[0], category: k.split('|')[1] }));
      const values = new Map<string, unknown>();
      const disclosed = new Map<string, DisclosureToRecord>();
      for (const r of await this.repo.readable(wanted, actor.organisationId)) {
        let value: unknown;
        try {
          value = this.crypto.open(r.caseId, r.category, r);
        } catch {
          // Unreadable (tampered, or written under a key not configured): that one field fails, nothing is disclosed.
          values.set(
            `${r.caseId}|${r.category}`,
            new Error(`case data of category ${r.category} could not be decrypted`),
          );
          continue;
        }
        values.set(`${r.caseId}|${r.category}`, value);
        if (r.handoverId) {
          const key = `${r.caseId}|${r.handoverId}`;
          const d = disclosed.get(key) ?? {
            caseId: r.caseId,
            handoverId: r.handoverId,
            consentId: r.consentId!,
            categories: [],
          };
          d.categories.push(r.category);
          disclosed.set(key, d);
        }
      }
      if (disclosed.size) {
        // Awaited before any value is handed back: a failed insert rejects every load of the batch.
        // A grant that ended since the read above (withdrawn, cancelled) records nothing: its data
        // is not returned either, so no disclosure is ever later than a withdrawal.
        const recorded = await this.disclosuresRepo.recordGranted(actor.userId, actor.organisationId, [
          ...disclosed.values(),
        ]);
        const kept = new Set(recorded.map((r) => `${r.caseId}|${r.handoverId}`));
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
    const [c] = await this.cases.findVisible([caseId], actor.organisationId);
    if (!c) throw DomainError.notFound('Case');
    if (c.ownerOrganisationId !== actor.organisationId)
      throw DomainError.forbidden("Only the owning organisation's case workers may see who read a case");
    if (cursor && (typeof cursor[0] !== 'string' || !isUuid(cursor[1])))
      throw DomainError.field('after', 'is not a valid cursor', FieldRule.INVALID_CURSOR);
    const rows = await this.disclosuresRepo.pageOfCase(
      caseId,
      cursor ? { atKey: cursor[0] as string, id: cursor[1] as string } : null,
      limit + 1,
    );
    const count = countWhenSelected(() => this.disclosuresRepo.countOfCase(caseId));
    return toPage(rows, limit, count, (d) => [d.atKey, d.id]);
  }
}
