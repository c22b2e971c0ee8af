import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, logger } from '../../../core/src/index.js';
import { CaseRepository } from '../case.repository.js';
import { CaseService } from '../case.service.js';

/** Advisory lock key: one retention sweep at a time across every instance on the database. */
export const RETENTION_LOCK = 4_711_501;
const BATCH = 200;

/**
 * Erases closed cases once CASE_RETENTION_DAYS have passed since closing. Every instance tries
 * every CASE_RETENTION_SWEEP_SECONDS; a transaction-scoped advisory lock lets exactly one of them
 * sweep, the others skip.
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
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((e) =>
          logger.error(
            { component: 'retention', error: e instanceof Error ? e.message : 'unknown' },
            'retention sweep failed',
          ),
        )
        .finally(() => (this.running = undefined));
    }, this.config.caseRetentionSweepSeconds * 1000);
    this.timer.unref();
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
      return due.length;
    });
  }
}
