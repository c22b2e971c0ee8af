import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/actor.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { pendingMigrations } from '../database/migrate.js';
import type { MigrationClass } from '../database/migrate.js';
import { Availability } from '../errors/unavailable.js';

/** The full, ordered list of migrations, provided by the application. */
export const MIGRATIONS = Symbol('MIGRATIONS');

/** A load balancer's probe gives up after about 2 s: /ready answers within that, also when the database stalls. */
export const READY_TIMEOUT_MS = 1000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('readiness check timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MIGRATIONS) private readonly migrations: MigrationClass[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly availability: Availability,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Allow.public('anyone (liveness probe)')
  health() {
    return { status: 'ok' };
  }

  /**
   * Readiness: the database answers within 1 s and every migration is applied (else 503). With
   * REDIS_URL set, `redis` says whether subscriptions fan out ("degraded": events of other
   * instances do not arrive); that alone does not take the instance out of service.
   */
  @Get('ready')
  @Allow.public('anyone (readiness probe)')
  async ready() {
    const redis = this.config.redisUrl
      ? { redis: this.availability.isDown('redis') ? 'degraded' : 'ok' }
      : {};
    try {
      const pending = await within(pendingMigrations(this.dataSource, this.migrations), READY_TIMEOUT_MS);
      if (pending > 0) throw new Error('migrations pending');
    } catch {
      throw new HttpException({ status: 'unavailable', ...redis }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ready', database: 'ok', migrations: 'applied', ...redis };
  }
}
