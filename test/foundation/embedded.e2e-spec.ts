import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataDirInUseError, startEmbeddedPostgres } from '../../libs/core/src/index.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded default: initialised on first use, data kept across starts, and a start after an
 * unclean end (the app SIGKILLed: its postmaster orphaned, or only its pid file left) needs no
 * manual clean-up; a data directory that another running app uses is refused, not taken over.
 */
describe('embedded PostgreSQL', () => {
  const base = join(tmpdir(), `bp-embedded-${randomBytes(4).toString('hex')}`);
  const dir = join(base, 'pg');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  async function query(url: string, sql: string) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }

  it('initialises, keeps data, recovers from an orphaned postmaster and from a stale pid file', async () => {
    const first = await startEmbeddedPostgres(dir, 'portal');
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')");
    const orphan = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(orphan)).toBe(true);

    // Another running app owns it: refused, and its server is left alone.
    const otherApp = spawn('sleep', ['60'], { stdio: 'ignore' });
    writeFileSync(join(base, 'pg.owner'), String(otherApp.pid));
    try {
      await expect(startEmbeddedPostgres(dir, 'portal')).rejects.toBeInstanceOf(DataDirInUseError);
      expect(alive(orphan)).toBe(true);
      expect(await query(first.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
    } finally {
      otherApp.kill('SIGKILL');
    }
    await new Promise((r) => otherApp.once('exit', r));
    writeFileSync(join(base, 'pg.owner'), '999999');

    // As after a SIGKILL of the app: the first server is never stopped, its owner is gone.
    const second = await startEmbeddedPostgres(dir, 'portal');
    try {
      expect(alive(orphan)).toBe(false);
      expect(second.url).not.toBe(first.url);
      expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
    } finally {
      await second.stop();
    }
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(base, 'pg.owner'))).toBe(false);
    // Stopping a server that has already gone returns instead of waiting for ever.
    await first.stop();

    // Only a pid file left behind, naming a process that is gone.
    writeFileSync(join(dir, 'postmaster.pid'), '999999\n');
    const third = await startEmbeddedPostgres(dir, 'portal');
    try {
      expect(await query(third.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
    } finally {
      await third.stop();
      await third.stop(); // idempotent
    }
  });
});
