import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type Actor, hasRole, Role } from '../auth/actor.js';
import { countWhenSelected, decodeCursor, type Page, pageSize, toPage } from '../pagination/connection.js';
import { DomainError } from '../errors/domain-error.js';
import { isUuid } from '../validation/validators.js';
import { chainHash } from './audit-chain.js';
import type { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';
import { claimInTransaction } from '../idempotency/idempotency.service.js';
import { FieldRule } from '../errors/field-rules.js';

export { canonical } from './audit-chain.js';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

/**
 * `auditLog.totalCount` counts at most this many entries: a page of a large log must not count the
 * whole table. Beyond it the answer is this number; page on with `pageInfo.hasNextPage`.
 */
export const AUDIT_COUNT_CAP = 10_000;

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  allianceId?: string | null;
  /** Field names only, never values. */
  changedFields?: string[];
}

export interface AuditQuery {
  allianceId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  first?: number | null;
  after?: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuditRepository,
  ) {}

  /**
   * Appends one entry inside the caller's transaction, so a change and its record commit together
   * (and, for a request with an Idempotency-Key, the key with the first of them).
   * Holds a transaction-scoped advisory lock until commit: sequence and chain have no gaps or forks.
   */
  async append(em: EntityManager, record: AuditRecord): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('audit append needs a transaction');
    // The request's Idempotency-Key, if any, commits with the first audited write (README).
    await claimInTransaction(em, record);
    const changedFields = [...new Set(record.changedFields ?? [])].sort();
    for (const f of changedFields)
      if (!FIELD_NAME.test(f)) throw new Error('audit changedFields must be field names');
    await this.repo.lockForAppend(em);
    const head = await this.repo.head(em);
    const previousHash = head?.hash ?? null;
    // The hash covers exactly what the uuid columns store (lower case), however a caller spelled the ids.
    const entry = {
      sequence: head ? head.sequence + 1 : 1,
      at: new Date(),
      actorId: record.actorId?.toLowerCase() ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId.toLowerCase(),
      allianceId: record.allianceId?.toLowerCase() ?? null,
      changedFields,
    };
    await this.repo.insert(em, {
      ...entry,
      hash: chainHash(this.config.auditKey, entry, previousHash),
      previousHash,
    });
  }

  /**
   * Platform administrators see every entry; alliance admins their alliances' entries. The total is
   * counted only when selected, and at most up to AUDIT_COUNT_CAP.
   */
  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEntryEntity>> {
    const limit = pageSize(q.first);
    const cursor = decodeCursor(q.after, 1);
    if (cursor && (typeof cursor[0] !== 'number' || !Number.isSafeInteger(cursor[0])))
      throw DomainError.field('after', 'is not a valid cursor', FieldRule.INVALID_CURSOR);
    // An id that is not a UUID names nothing: an empty page, not a database error.
    if ((q.allianceId && !isUuid(q.allianceId)) || (q.entityId && !isUuid(q.entityId)))
      return toPage([], limit, 0, () => []);
    let allianceIds: string[] | null = q.allianceId ? [q.allianceId] : null;
    if (!actor.platformAdmin) {
      const adminOf = [...actor.roles.keys()].filter((id) => hasRole(actor, id, Role.ALLIANCE_ADMIN));
      if (q.allianceId && !adminOf.includes(q.allianceId)) return toPage([], limit, 0, () => []);
      allianceIds ??= adminOf;
    }
    const filter = { allianceIds, entityType: q.entityType, entityId: q.entityId };
    const rows = await this.repo.page(filter, cursor?.[0] as number | undefined, limit + 1);
    const count = countWhenSelected((cap) => this.repo.countUpTo(filter, cap), { cap: AUDIT_COUNT_CAP });
    return toPage(rows, limit, count, (r) => [r.sequence]);
  }
}
