import { createHmac } from 'node:crypto';

/** What the hash of an entry covers (everything stored but id, hash and previousHash). */
export interface ChainedFields {
  sequence: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  allianceId: string | null;
  changedFields: string[];
}

export interface ChainedEntry extends ChainedFields {
  hash: string;
  previousHash: string | null;
}

/** The canonical form that the hash covers: fixed key order, ISO time, sorted field names. */
export function canonical(e: ChainedFields): string {
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

/** hash = HMAC-SHA256(AUDIT_KEY, canonical(entry) ‖ previousHash) (DESIGN.md, "Audit"). */
export function chainHash(key: string, entry: ChainedFields, previousHash: string | null): string {
  return createHmac('sha256', key)
    .update(canonical(entry) + (previousHash ?? ''))
    .digest('hex');
}

/**
 * A checkpoint's signature: the HMAC of the chain head (sequence and hash) at a point up to which the
 * chain was verified. Domain-separated from entry hashes, so neither can stand in for the other.
 */
export function checkpointSignature(key: string, sequence: number, entryHash: string): string {
  return createHmac('sha256', key).update(`audit-checkpoint:${sequence}:${entryHash}`).digest('hex');
}

/** Where a verification stands: the next sequence it expects and the hash that entry must chain to. */
export interface ChainPosition {
  nextSequence: number;
  previousHash: string | null;
}

export type SegmentResult =
  | { ok: true; checked: number; position: ChainPosition }
  | { ok: false; checked: number; brokenSequence: number };

/**
 * Recomputes a run of consecutive entries from `from`: each must have the next sequence, link to
 * the previous hash and carry the hash its fields give. Stops at the first that does not.
 */
export function verifySegment(key: string, entries: ChainedEntry[], from: ChainPosition): SegmentResult {
  let { nextSequence, previousHash } = from;
  let checked = 0;
  for (const e of entries) {
    checked++;
    const ok =
      e.sequence === nextSequence &&
      e.previousHash === previousHash &&
      e.hash === chainHash(key, e, previousHash);
    if (!ok) return { ok: false, checked, brokenSequence: e.sequence };
    previousHash = e.hash;
    nextSequence++;
  }
  return { ok: true, checked, position: { nextSequence, previousHash } };
}

/** The checkpoint sequences a verification that reached `verifiedUpTo` may sign: multiples of `every`. */
export function checkpointsBetween(after: number, verifiedUpTo: number, every: number): number[] {
  const out: number[] = [];
  for (let s = (Math.floor(after / every) + 1) * every; s <= verifiedUpTo; s += every) out.push(s);
  return out;
}
