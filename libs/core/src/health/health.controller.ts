import { Controller, Get, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/actor.js';
import { pendingMigrations } from '../database/migrate.js';
import type { MigrationClass } from '../database/migrate.js';

/** The full, ordered list of migrations, provided by the application. */
export const MIGRATIONS = Symbol('MIGRATIONS');

@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MIGRATIONS) private readonly migrations: MigrationClass[],
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Allow.public('anyone (liveness probe)')
  health() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every migration is applied. */
  @Get('ready')
  @Allow.public('anyone (readiness probe)')
  async ready() {
    try {
      const pending = await pendingMigrations(this.dataSource, this.migrations);
      if (pending > 0) throw new Error('migrations pending');
      return { status: 'ready', database: 'ok', migrations: 'applied' };
    } catch {
      throw new HttpException({ status: 'unavailable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
