import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, groupBy, type LoaderRegistry } from '../../core/src/index.js';
import { CaseRepository } from './case.repository.js';
import { viewed } from './case.service.js';
import type { CaseModel } from './casework.models.js';
import { isCaseWorker } from './casework.rules.js';
import { CaseCrypto } from './crypto/case-crypto.service.js';

/**
 * The duplicate check: a case of the caller's own organisation that is OPEN and has the same family
 * name and date of birth. Compared through a keyed blind index (HMAC of the normalised name and the
 * date), never in plain text, and never across organisations: another organisation's cases are not
 * looked at, so the answer cannot reveal them.
 */
@Injectable()
export class CaseDuplicatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: CaseRepository,
    private readonly crypto: CaseCrypto,
  ) {}

  /** Before opening: the open cases of the caller's organisation for this person. */
  async find(actor: Actor, familyName: string, dateOfBirth: string): Promise<CaseModel[]> {
    if (!isCaseWorker(actor)) return [];
    const indexes = this.crypto.duplicateIndexes(familyName, dateOfBirth);
    if (!indexes.length) return [];
    const rows = await this.repo.openDuplicates(this.dataSource, actor.organisationId, indexes, null);
    return rows.map((r) => viewed(actor, r));
  }

  /** For a case the caller owns: the organisation's other open cases of the same person. */
  ofCaseLoader(loaders: LoaderRegistry, actor: Actor) {
    return loaders.get<string, CaseModel[]>('casework.duplicates', async (ids) => {
      if (!isCaseWorker(actor)) return ids.map(() => []);
      const rows = await this.repo.openDuplicatesOfCases(ids, actor.organisationId);
      return groupBy(
        ids,
        rows.map((r) => ({ ...viewed(actor, r), ofCaseId: r.ofCaseId })),
        (c) => c.ofCaseId,
      );
    });
  }
}
