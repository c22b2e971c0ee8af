import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';

/**
 * How many distinct statement texts run as named prepared statements, per process. A hot read's
 * text varies only with what its query selects, so a handful cover real traffic; texts beyond the
 * cap (an unusual selection) run unnamed, as every other statement does, so neither this map nor
 * any connection's set of prepared statements grows without bound.
 */
export const MAX_PREPARED_STATEMENTS = 200;

const names = new Map<string, string>();

/** The statement's name: derived from its text, so every connection of the pool agrees on it. */
export function preparedName(text: string): string | null {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_PREPARED_STATEMENTS) return null;
  const name = `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/**
 * Runs a read as a named prepared statement: each pooled connection parses and plans it once (after
 * PostgreSQL's first five custom plans, a generic plan when that costs no more), instead of on every
 * execution as an unnamed statement is. For hot reads only, whose plan is built from many
 * sub-selects (the task board's page plans in ~5 ms and runs in ~7); the text must not embed values
 * (only placeholders), which the repositories' parameter builders guarantee.
 *
 * Counted (and logged when slow) by the data source's logger like any TypeORM statement; a failure arrives as TypeORM's
 * `QueryFailedError` with the driver's error, so the fault mapping (UNAVAILABLE, timeouts) is the same.
 */
export async function preparedQuery<T = any>(
  dataSource: DataSource,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const name = preparedName(text);
  if (!name) return dataSource.query(text, params);
  const runner = dataSource.createQueryRunner();
  try {
    const client = await runner.connect();
    dataSource.logger.logQuery(text, params, runner);
    try {
      const started = Date.now();
      const result = await client.query({ name, text, values: params });
      const took = Date.now() - started;
      const slow = dataSource.options.maxQueryExecutionTime;
      if (slow && took > slow) dataSource.logger.logQuerySlow(took, text, params, runner);
      return result.rows as T[];
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, text, params, runner);
      throw new QueryFailedError(text, params, error as Error);
    }
  } finally {
    await runner.release();
  }
}
