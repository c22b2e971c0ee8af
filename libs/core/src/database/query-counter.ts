import type { Logger as TypeOrmLogger } from 'typeorm';
import { logger } from '../logging/logger.js';

/**
 * Counts every SQL statement TypeORM sends. Tests read it around one GraphQL request to assert
 * that a query's statement count does not grow with list sizes.
 */
export class QueryCounter implements TypeOrmLogger {
  static count = 0;
  static log: string[] = [];
  /** With `recording`: each statement with its parameters (tests EXPLAIN exactly what ran). */
  static statements: { query: string; parameters: unknown[] }[] = [];
  static recording = false;

  static reset(): void {
    QueryCounter.count = 0;
    QueryCounter.log = [];
    QueryCounter.statements = [];
  }

  logQuery(query: string, parameters?: unknown[]): void {
    QueryCounter.count++;
    if (QueryCounter.recording) {
      QueryCounter.log.push(query);
      QueryCounter.statements.push({ query, parameters: parameters ?? [] });
    }
  }
  logQueryError(error: string | Error, query: string): void {
    QueryCounter.count++;
    // The statement text and SQLSTATE only; parameters and driver messages may carry personal data.
    logger.debug(
      { query: query.slice(0, 200), sqlState: (error as { code?: unknown })?.code },
      'query failed',
    );
  }
  logQuerySlow(time: number, query: string): void {
    logger.warn({ time, query: query.slice(0, 200) }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info({ component: 'migrations' }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn({ component: 'typeorm' }, String(message));
  }
}
