import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { logger } from '../logging/logger.js';

/** The SQL statements one unit of work (a request under test) issued. */
export interface StatementTally {
  count: number;
  /** The statements' text, in order. */
  statements: string[];
}

/**
 * Counts every SQL statement TypeORM sends.
 *
 * Per request: code that runs inside `QueryCounter.tally.run(tally, fn)` adds its statements to that
 * tally, and to no other; the test harness runs each counted HTTP request so, and asserts that a
 * query's statement count does not grow with list sizes. Statements of anything else running at the
 * same time (a scheduled sweep, a subscriber's check, another request) are not counted there.
 * Nothing in the application calls `run`, so production pays no async-context tracking for it.
 *
 * Process-wide: `count`, and `log` while `recording`, for benchmarks.
 */
export class QueryCounter implements TypeOrmLogger {
  static readonly tally = new AsyncLocalStorage<StatementTally>();
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
    const tally = QueryCounter.tally.getStore();
    if (tally) {
      tally.count++;
      tally.statements.push(query);
    }
  }
  /** Already counted by `logQuery`, which TypeORM calls before sending any statement. */
  logQueryError(error: string | Error, query: string): void {
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
