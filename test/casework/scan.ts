import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type pg from 'pg';

const run = promisify(execFile);

/** Every text, varchar, json(b) and text[] column of every table that contains `needle` (case-insensitive). */
export async function columnsContaining(db: pg.Pool, needle: string): Promise<string[]> {
  const cols = await db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (data_type IN ('text', 'character varying', 'jsonb', 'json', 'character') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))`,
  );
  const hits: string[] = [];
  for (const { table_name, column_name } of cols.rows) {
    const r = await db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
      [`%${needle}%`],
    );
    if (r.rows[0].n > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits.sort();
}

/** Every row of every table as text (bytea as hex): the content of a data dump. */
export async function rowsContaining(db: pg.Pool, needle: string): Promise<string[]> {
  const tables = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  const hits: string[] = [];
  for (const { table_name } of tables.rows) {
    const r = await db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text ILIKE $1 OR t::text ILIKE $2`,
      [`%${needle}%`, `%${hex}%`],
    );
    if (r.rows[0].n > 0) hits.push(table_name);
  }
  return hits.sort();
}

export async function pgDump(databaseUrl: string): Promise<string | null> {
  const bin = ['/usr/bin/pg_dump', '/usr/local/bin/pg_dump'].find(existsSync);
  if (!bin) return null;
  try {
    return (await run(bin, ['--data-only', '--dbname', databaseUrl], { maxBuffer: 256 * 1024 * 1024 }))
      .stdout;
  } catch {
    return null; // e.g. a pg_dump older than the server: the row scan above still covers the data
  }
}
