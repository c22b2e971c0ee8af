import type { EntityManager } from 'typeorm';

/**
 * Rows of a raw statement: TypeORM answers UPDATE and DELETE with `[rows, rowCount]` and every other
 * statement with the rows, so `UPDATE … RETURNING` needs this to read its rows.
 */
export async function queryRows<T = any>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await em.query(sql, params);
  if (
    /^\s*(WITH\b[\s\S]*?\b)?(UPDATE|DELETE)\b/i.test(sql) &&
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** Answers once the database takes statements again (the unavailability probe). */
export async function pingDatabase(db: Pick<EntityManager, 'query'>): Promise<void> {
  await db.query('SELECT 1');
}
