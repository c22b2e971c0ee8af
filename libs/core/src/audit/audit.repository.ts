import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChainedEntry } from './audit-chain.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** Serialises appends so the chain stays strictly sequential under concurrency. */
const AUDIT_LOCK = 4_711_002;

/** Which entries a caller asks for; `allianceIds` null: every alliance (platform administrator). */
export interface AuditFilter {
  allianceIds: string[] | null;
  entityType?: string | null;
  entityId?: string | null;
}

export interface AuditCheckpoint {
  sequence: number;
  entryHash: string;
  signature: string;
}

export interface FullVerificationRecord {
  startedAt: Date;
  finishedAt: Date;
  valid: boolean;
  entriesChecked: number;
  firstBrokenSequence: number | null;
}

/** The SQL of the audit log: appends, pages, the chain in batches, checkpoints and full runs. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ── appending ──────────────────────────────────────────────

  /** Holds the append lock until the caller's transaction ends. */
  async lockForAppend(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  }

  async head(em: EntityManager): Promise<{ sequence: number; hash: string } | null> {
    const last: { sequence: string; hash: string }[] = await em.query(
      'SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1',
    );
    return last[0] ? { sequence: Number(last[0].sequence), hash: last[0].hash } : null;
  }

  async insert(em: EntityManager, e: ChainedEntry): Promise<void> {
    await em.query(
      `INSERT INTO audit_entries (id, sequence, at, actor_id, action, entity_type, entity_id, alliance_id, changed_fields, hash, previous_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        randomUUID(),
        e.sequence,
        e.at,
        e.actorId,
        e.action,
        e.entityType,
        e.entityId,
        e.allianceId,
        e.changedFields,
        e.hash,
        e.previousHash,
      ],
    );
  }

  // ── reading ────────────────────────────────────────────────

  private where(f: AuditFilter, afterSequence?: number): { sql: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.allianceIds) where.push(`alliance_id = ANY(${p(f.allianceIds)}::uuid[])`);
    if (f.entityType) where.push(`entity_type = ${p(f.entityType)}`);
    if (f.entityId) where.push(`entity_id = ${p(f.entityId)}`);
    if (afterSequence !== undefined) where.push(`sequence > ${p(afterSequence)}`);
    return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  /** `limit` entries after the cursor in ascending sequence. */
  async page(f: AuditFilter, afterSequence: number | undefined, limit: number): Promise<AuditEntryEntity[]> {
    const { sql, params } = this.where(f, afterSequence);
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM audit_entries ${sql} ORDER BY sequence ASC LIMIT ${Number(limit)}`,
      params,
    );
    return rows.map(toEntity);
  }

  /** How many entries match, counting at most `cap` (the scan stops there). */
  async countUpTo(f: AuditFilter, cap: number): Promise<number> {
    const { sql, params } = this.where(f);
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM audit_entries ${sql} LIMIT ${Number(cap)}) capped`,
      params,
    );
    return count;
  }

  /** Entries of the alliances with a sequence up to `maxSequence`. */
  async countOfAlliances(allianceIds: string[], maxSequence: number): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM audit_entries WHERE alliance_id = ANY($1::uuid[]) AND sequence <= $2',
      [allianceIds, maxSequence],
    );
    return count;
  }

  async allianceAt(sequence: number): Promise<string | null> {
    const rows = await this.dataSource.query('SELECT alliance_id FROM audit_entries WHERE sequence = $1', [
      sequence,
    ]);
    return rows[0]?.alliance_id ?? null;
  }

  /** Up to `limit` entries after `afterSequence`, in sequence order (the chain in batches). */
  async chainAfter(afterSequence: number, limit: number): Promise<ChainedEntry[]> {
    const rows: any[] = await this.dataSource.query(
      'SELECT * FROM audit_entries WHERE sequence > $1 ORDER BY sequence ASC LIMIT $2',
      [afterSequence, limit],
    );
    return rows.map(toEntity);
  }

  async hashAt(sequence: number): Promise<string | null> {
    const rows = await this.dataSource.query('SELECT hash FROM audit_entries WHERE sequence = $1', [
      sequence,
    ]);
    return rows[0]?.hash ?? null;
  }

  // ── checkpoints (append-only) ──────────────────────────────

  async latestCheckpoint(): Promise<AuditCheckpoint | null> {
    const rows = await this.dataSource.query(
      'SELECT sequence, entry_hash, signature FROM audit_checkpoints ORDER BY sequence DESC LIMIT 1',
    );
    return rows[0]
      ? { sequence: Number(rows[0].sequence), entryHash: rows[0].entry_hash, signature: rows[0].signature }
      : null;
  }

  /** Stores checkpoints; one that exists already stays as it is (two verifiers may reach the same). */
  async insertCheckpoints(checkpoints: AuditCheckpoint[]): Promise<void> {
    if (!checkpoints.length) return;
    await this.dataSource.query(
      `INSERT INTO audit_checkpoints (sequence, entry_hash, signature)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])
       ON CONFLICT (sequence) DO NOTHING`,
      [
        checkpoints.map((c) => c.sequence),
        checkpoints.map((c) => c.entryHash),
        checkpoints.map((c) => c.signature),
      ],
    );
  }

  // ── full verifications ─────────────────────────────────────

  /**
   * Runs `work` only if no full verification finished in the last `minSeconds` and no other instance
   * is running one (a transaction-scoped advisory lock held while it runs); null when skipped.
   */
  async exclusiveFullRun<T>(minSeconds: number, work: () => Promise<T>): Promise<T | null> {
    return this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [AUDIT_LOCK + 1]);
      if (!locked) return null;
      const recent = await em.query(
        'SELECT 1 FROM audit_verifications WHERE finished_at > now() - make_interval(secs => $1) LIMIT 1',
        [minSeconds],
      );
      if (recent.length) return null;
      return work();
    });
  }

  async recordFullRun(r: FullVerificationRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_verifications (started_at, finished_at, valid, entries_checked, first_broken_sequence)
       VALUES ($1, $2, $3, $4, $5)`,
      [r.startedAt, r.finishedAt, r.valid, r.entriesChecked, r.firstBrokenSequence],
    );
  }

  async lastFullRun(): Promise<FullVerificationRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT started_at, finished_at, valid, entries_checked, first_broken_sequence
         FROM audit_verifications ORDER BY finished_at DESC LIMIT 1`,
    );
    const r = rows[0];
    return r
      ? {
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          valid: r.valid,
          entriesChecked: Number(r.entries_checked),
          firstBrokenSequence: r.first_broken_sequence === null ? null : Number(r.first_broken_sequence),
        }
      : null;
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
