import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, AuditService, logger } from '../../../core/src/index.js';
import { CaseRepository } from '../case.repository.js';
import { CaseService } from '../case.service.js';
import { DisclosureRepository } from '../disclosure.repository.js';

/** Advisory lock key: one retention sweep at a time across every instance on the database. */
export const RETENTION_LOCK = 4_711_501;
const BATCH = 200;
/** Disclosure partitions exist this many months ahead of today. */
export const PARTITION_MONTHS_AHEAD = 2;

/**
 * Erases closed cases once CASE_RETENTION_DAYS have passed since closing, deletes the disclosures
 * of cases erased DISCLOSURE_RETENTION_DAYS ago, and keeps the disclosure partitions of the coming
 * months in place. Every instance tries every CASE_RETENTION_SWEEP_SECONDS (and once at start); a
 * transaction-scoped advisory lock lets exactly one of them sweep, the others skip.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly repo: CaseRepository,
    private readonly disclosures: DisclosureRepository,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
    this.timer = setInterval(() => this.schedule(), this.config.caseRetentionSweepSeconds * 1000);
    this.timer.unref();
  }

  private schedule(): void {
    if (this.running) return;
    {
      this.running = this.sweep()
        .catch((e) =>
          logger.error(
            { component: 'retention', error: e instanceof Error ? e.message : 'unknown' },
            'retention sweep failed',
          ),
        )
        .finally(() => (this.running = undefined));
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Erases the cases due (up to one batch); null when another instance is sweeping right now. */
  sweep(): Promise<number | null> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.repo.tryRetentionLock(em, RETENTION_LOCK))) return null;
      const due = await this.repo.lockDueForErasure(em, this.config.caseRetentionDays, BATCH);
      for (const id of due) await this.cases.eraseLocked(em, id, null, 'eraseCaseAfterRetention');
      if (due.length)
        logger.info(
          { component: 'retention', erased: due.length },
          'closed cases erased after retention period',
        );
      await this.expireDisclosures(em);
      const created = await this.disclosures.ensurePartitions(em, PARTITION_MONTHS_AHEAD);
      if (created) logger.info({ component: 'retention', created }, 'disclosure partitions created');
      return due.length;
    });
  }

  /** Deletes the disclosures of cases erased DISCLOSURE_RETENTION_DAYS ago (up to one batch of cases). */
  private async expireDisclosures(em: EntityManager): Promise<void> {
    const due = await this.disclosures.lockCasesDueForExpiry(em, this.config.disclosureRetentionDays, BATCH);
    if (!due.length) return;
    const deleted = await this.disclosures.deleteOfErasedCases(em, due);
    for (const caseId of due)
      await this.audit.append(em, {
        actorId: null,
        action: 'expireDisclosuresAfterRetention',
        entityType: 'Case',
        entityId: caseId,
        changedFields: ['disclosures'],
      });
    logger.info(
      { component: 'retention', cases: due.length, disclosures: deleted },
      'disclosures of erased cases deleted after retention period',
    );
  }
}
