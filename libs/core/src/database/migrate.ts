import { DataSource } from 'typeorm';
import type { MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** Advisory lock key that serialises migration runs of several starting instances. */
const MIGRATION_LOCK = 4_711_001;

export function migrationDataSource(url: string, migrations: MigrationClass[]): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    logging: false,
  });
}

/** Applies the committed migrations, one transaction each, under an advisory lock. */
export async function runMigrations(url: string, migrations: MigrationClass[]): Promise<string[]> {
  const ds = migrationDataSource(url, migrations);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}

export async function pendingMigrations(ds: DataSource, migrations: MigrationClass[]): Promise<number> {
  const applied: { name: string }[] = await ds.query('SELECT name FROM migrations');
  const names = new Set(applied.map((r) => r.name));
  return migrations.filter((m) => !names.has(m.name)).length;
}
