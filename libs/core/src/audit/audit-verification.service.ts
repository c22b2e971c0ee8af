import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type Actor, hasRole, Role } from '../auth/actor.js';
import { DomainError } from '../errors/domain-error.js';
import { logger } from '../logging/logger.js';
import {
  type ChainPosition,
  checkpointsBetween,
  checkpointSignature,
  type SegmentResult,
  verifySegment,
} from './audit-chain.js';
import { type AuditCheckpoint, AuditRepository, type FullVerificationRecord } from './audit.repository.js';

const BATCH = 5000;

export interface VerificationAnswer {
  valid: boolean;
  entriesChecked: number;
  firstBrokenSequence: number | null;
  verifiedFromSequence: number;
  lastFullVerification:
    (Omit<FullVerificationRecord, 'entriesChecked'> & { entriesChecked: number | null }) | null;
}

/**
 * Verifies the audit chain in bounded time. Every `AUDIT_CHECKPOINT_INTERVAL` entries a verification
 * that got there stores a signed checkpoint (HMAC of the chain head at that point, append-only); a
 * verification starts at the latest checkpoint whose signature and entry still match and recomputes
 * only the entries after it. The full chain is recomputed by a periodic background run (once across
 * instances) whose last result every answer reports: tampering with history behind a checkpoint is
 * found by the next full run at the latest.
 */
@Injectable()
export class AuditVerificationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuditRepository,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.auditFullVerifySeconds;
    this.timer = setInterval(() => {
      this.runFullOnce().catch((e) =>
        logger.warn({ err: e }, 'audit full verification failed; retried later'),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * verifyAuditChain. The platform administrator learns the deployment's figures; an ALLIANCE_ADMIN
   * only whether the chain is intact, and counts and broken entries of the alliances they administer.
   */
  async verify(actor: Actor): Promise<VerificationAnswer> {
    const adminOf = [...actor.roles.keys()].filter((id) => hasRole(actor, id, Role.ALLIANCE_ADMIN));
    if (!actor.platformAdmin && !adminOf.length) {
      throw DomainError.forbidden('Only administrators may verify the audit chain');
    }
    const checkpoint = await this.trustedCheckpoint();
    const from: ChainPosition = checkpoint
      ? { nextSequence: checkpoint.sequence + 1, previousHash: checkpoint.entryHash }
      : { nextSequence: 1, previousHash: null };
    const result = await this.walk(from);
    const lastFullVerification = await this.repo.lastFullRun();
    const verifiedFromSequence = checkpoint?.sequence ?? 0;
    // Entries covered: those behind the checkpoint (by its signature) and those recomputed.
    const covered = result.ok ? result.position.nextSequence - 1 : result.brokenSequence;
    if (actor.platformAdmin) {
      return {
        valid: result.ok,
        entriesChecked: covered,
        firstBrokenSequence: result.ok ? null : result.brokenSequence,
        verifiedFromSequence,
        lastFullVerification,
      };
    }
    // Nothing about other alliances, not even how many entries there are.
    const broken = result.ok ? null : result.brokenSequence;
    const brokenIsMine = broken !== null && adminOf.includes((await this.repo.allianceAt(broken)) ?? '');
    return {
      valid: result.ok,
      entriesChecked: await this.repo.countOfAlliances(adminOf, covered),
      firstBrokenSequence: brokenIsMine ? broken : null,
      verifiedFromSequence: 0,
      lastFullVerification: lastFullVerification && {
        ...lastFullVerification,
        entriesChecked: null,
        firstBrokenSequence: null,
      },
    };
  }

  /** The full recomputation from the first entry, recorded; null when another instance just did it. */
  async runFullOnce(): Promise<FullVerificationRecord | null> {
    const minSeconds = Math.floor(this.config.auditFullVerifySeconds / 2);
    return this.repo.exclusiveFullRun(minSeconds, async () => {
      const startedAt = new Date();
      const result = await this.walk({ nextSequence: 1, previousHash: null });
      const record: FullVerificationRecord = {
        startedAt,
        finishedAt: new Date(),
        valid: result.ok,
        entriesChecked: result.ok ? result.position.nextSequence - 1 : result.checked,
        firstBrokenSequence: result.ok ? null : result.brokenSequence,
      };
      await this.repo.recordFullRun(record);
      if (!record.valid)
        logger.error({ firstBrokenSequence: record.firstBrokenSequence }, 'audit chain broken');
      return record;
    });
  }

  /** The latest checkpoint if its signature and the entry it names still match; else none. */
  private async trustedCheckpoint(): Promise<AuditCheckpoint | null> {
    const c = await this.repo.latestCheckpoint();
    if (!c) return null;
    const signed = checkpointSignature(this.config.auditKey, c.sequence, c.entryHash);
    if (signed !== c.signature || (await this.repo.hashAt(c.sequence)) !== c.entryHash) {
      logger.error({ sequence: c.sequence }, 'audit checkpoint does not match; verifying from the start');
      return null;
    }
    return c;
  }

  /** Recomputes the chain from `from` to its head in batches, signing checkpoints as it passes them. */
  private async walk(from: ChainPosition): Promise<SegmentResult> {
    let position = from;
    let checked = 0;
    for (;;) {
      const batch = await this.repo.chainAfter(position.nextSequence - 1, BATCH);
      const r = verifySegment(this.config.auditKey, batch, position);
      checked += r.checked;
      if (!r.ok) return { ...r, checked };
      await this.sign(batch, position.nextSequence - 1, r.position.nextSequence - 1);
      position = r.position;
      if (batch.length < BATCH) return { ok: true, checked, position };
    }
  }

  private async sign(
    batch: { sequence: number; hash: string }[],
    after: number,
    upTo: number,
  ): Promise<void> {
    const every = this.config.auditCheckpointInterval;
    const bySequence = new Map(batch.map((e) => [e.sequence, e.hash]));
    await this.repo.insertCheckpoints(
      checkpointsBetween(after, upTo, every).map((sequence) => {
        const entryHash = bySequence.get(sequence)!;
        return {
          sequence,
          entryHash,
          signature: checkpointSignature(this.config.auditKey, sequence, entryHash),
        };
      }),
    );
  }
}
