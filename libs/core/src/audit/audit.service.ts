import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type Actor, hasRole, Role } from '../auth/actor.js';
import { decodeCursor, type Page, pageSize, toPage } from '../pagination/connection.js';
import { DomainError } from '../errors/domain-error.js';
import { isUuid } from '../validation/validators.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** Serialises appends so the chain stays strictly sequential under concurrency. */
const AUDIT_LOCK = 4_711_002;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

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

/** The canonical form that the hash covers: fixed key order, ISO time, sorted field names. */
export function canonical(e: Omit<AuditEntryEntity, 'id' | 'hash' | 'previousHash'>): string {
  return JSON.stringify([
    e.sequence,
    e.at.toISOString(),
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.allianceId,
    e.changedFields,
  ]);
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private hash(
    entry: Omit<AuditEntryEntity, 'id' | 'hash' | 'previousHash'>,
    previousHash: string | null,
  ): string {
    return createHmac('sha256', this.config.auditKey)
      .update(canonical(entry) + (previousHash ?? ''))
      .digest('hex');
  }

  /**
   * Appends one entry inside the caller's transaction, so a change and its record commit together.
   * Holds a transaction-scoped advisory lock until commit: sequence and chain have no gaps or forks.
   */
  async append(em: EntityManager, record: AuditRecord): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('audit append needs a transaction');
    const changedFields = [...new Set(record.changedFields ?? [])].sort();
    for (const f of changedFields)
      if (!FIELD_NAME.test(f)) throw new Error('audit changedFields must be field names');
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const last: { sequence: string; hash: string }[] = await em.query(
      'SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1',
    );
    const previousHash = last[0]?.hash ?? null;
    // The hash covers exactly what the uuid columns store (lower case), however a caller spelled the ids.
    const entry = {
      sequence: last[0] ? Number(last[0].sequence) + 1 : 1,
      at: new Date(),
      actorId: record.actorId?.toLowerCase() ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId.toLowerCase(),
      allianceId: record.allianceId?.toLowerCase() ?? null,
      changedFields,
    };
    await em.query(
      `INSERT INTO audit_entries (id, sequence, at, actor_id, action, entity_type, entity_id, alliance_id, changed_fields, hash, previous_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        randomUUID(),
        entry.sequence,
        entry.at,
        entry.actorId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.allianceId,
        entry.changedFields,
        this.hash(entry, previousHash),
        previousHash,
      ],
    );
  }

  /** Platform administrators see every entry; alliance admins their alliances' entries. */
  async list(actor: Actor, q: AuditQuery): Promise<Page<AuditEntryEntity>> {
    const limit = pageSize(q.first);
    const cursor = decodeCursor(q.after, 1);
    if (cursor && (typeof cursor[0] !== 'number' || !Number.isSafeInteger(cursor[0])))
      throw DomainError.field('after', 'is not a valid cursor');
    // An id that is not a UUID names nothing: an empty page, not a database error.
    if ((q.allianceId && !isUuid(q.allianceId)) || (q.entityId && !isUuid(q.entityId)))
      return toPage([], limit, 0, () => []);
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (!actor.platformAdmin) {
      const adminOf = [...actor.roles.keys()].filter((id) => hasRole(actor, id, Role.ALLIANCE_ADMIN));
      if (q.allianceId && !adminOf.includes(q.allianceId)) return toPage([], limit, 0, () => []);
      where.push(`alliance_id = ANY(${p(q.allianceId ? [q.allianceId] : adminOf)}::uuid[])`);
    } else if (q.allianceId) {
      where.push(`alliance_id = ${p(q.allianceId)}`);
    }
    if (q.entityType) where.push(`entity_type = ${p(q.entityType)}`);
    if (q.entityId) where.push(`entity_id = ${p(q.entityId)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_entries ${filter}`,
      params,
    );
    if (cursor) {
      where.push(`sequence > ${p(cursor[0])}`);
    }
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY sequence ASC LIMIT ${limit + 1}`,
      params,
    );
    return toPage(rows.map(toEntity), limit, count, (r) => [r.sequence]);
  }

  /** Recomputes the whole chain in sequence order; names the first entry that does not match. */
  async verify(
    actor: Actor,
  ): Promise<{ valid: boolean; entriesChecked: number; firstBrokenSequence: number | null }> {
    if (
      !actor.platformAdmin &&
      ![...actor.roles.keys()].some((id) => hasRole(actor, id, Role.ALLIANCE_ADMIN))
    ) {
      throw DomainError.forbidden('Only administrators may verify the audit chain');
    }
    let previousHash: string | null = null;
    let expectedSequence = 1;
    let checked = 0;
    let lastSequence = 0;
    const batch = 5000;
    for (;;) {
      const rows: any[] = await this.dataSource.query(
        'SELECT * FROM audit_entries WHERE sequence > $1 ORDER BY sequence ASC LIMIT $2',
        [lastSequence, batch],
      );
      for (const raw of rows) {
        const e = toEntity(raw);
        checked++;
        const ok =
          e.sequence === expectedSequence &&
          e.previousHash === previousHash &&
          e.hash === this.hash(e, previousHash);
        if (!ok) return { valid: false, entriesChecked: checked, firstBrokenSequence: e.sequence };
        previousHash = e.hash;
        expectedSequence++;
        lastSequence = e.sequence;
      }
      if (rows.length < batch) break;
    }
    return { valid: true, entriesChecked: checked, firstBrokenSequence: null };
  }
}

function toEntity(raw: any): AuditEntryEntity {
  return Object.assign(new AuditEntryEntity(), {
    id: raw.id,
    sequence: Number(raw.sequence),
    at: new Date(raw.at),
    actorId: raw.actor_id,
    action: raw.action,
    entityType: raw.entity_type,
    entityId: raw.entity_id,
    allianceId: raw.alliance_id,
    changedFields: raw.changed_fields,
    hash: raw.hash,
    previousHash: raw.previous_hash,
  });
}
