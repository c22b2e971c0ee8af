import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig, type DailyJobs, logger } from '../../../core/src/index.js';

/**
 * Daily jobs on pg-boss's schedule: every instance with DAILY_JOBS on keeps the schedule and works
 * the queues, but pg-boss sends a scheduled job once per cron slot across all instances (its cron
 * monitor claims the slot in the database), and each queue is a singleton queue, so one instance
 * runs it. A failed run is retried with backoff.
 */
@Injectable()
export class DailyJobsService implements DailyJobs, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly jobs = new Map<string, (now: Date) => Promise<void>>();
  private boss?: PgBoss;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  register(name: string, run: (now: Date) => Promise<void>): void {
    if (!/^[a-z0-9-]+$/.test(name))
      throw new Error(`daily job name ${name} must be letters, digits and dashes`);
    if (this.jobs.has(name)) throw new Error(`daily job ${name} is registered twice`);
    this.jobs.set(name, run);
  }

  async runNow(name: string, now = new Date()): Promise<void> {
    const run = this.jobs.get(name);
    if (!run) throw new Error(`no daily job ${name}`);
    await run(now);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { enabled, cron, timezone } = this.config.dailyJobs;
    if (!enabled || !this.jobs.size) return;
    this.boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      max: 2,
      application_name: 'buendnisportal-daily-jobs',
      schedule: true,
      cronMonitorIntervalSeconds: 10,
      cronWorkerIntervalSeconds: 5,
    } as any);
    this.boss.on('error', (err) => logger.warn({ reason: (err as Error).message }, 'daily jobs queue error'));
    await this.boss.start();
    for (const [name, run] of this.jobs) {
      if (!(await this.boss.getQueue(name)))
        await this.boss
          .createQueue(name, { name, policy: 'singleton', retryLimit: 5, retryDelay: 30, retryBackoff: true })
          .catch(() => undefined); // another instance created it meanwhile
      await this.boss.schedule(name, cron, {}, { tz: timezone, singletonKey: name });
      await this.boss.work(name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
        const started = new Date();
        logger.info({ job: name }, 'daily job started');
        await run(started);
        logger.info({ job: name, ms: Date.now() - started.getTime() }, 'daily job done');
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5_000, wait: true });
  }
}
