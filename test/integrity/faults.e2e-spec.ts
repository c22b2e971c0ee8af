import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { MIGRATIONS } from '../../apps/api/src/migrations.js';
import {
  freePort,
  retryWhileUnavailable,
  runMigrations,
  type RunningDatabase,
  StartupGaveUpError,
  startEmbeddedPostgres,
} from '../../libs/core/src/index.js';
import { captureLogs } from '../foundation/log-capture.js';
import { until } from '../utils/eventually.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/** The timeouts under test, shorter than the defaults so the test stays quick. */
const TIMEOUTS = {
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_STATEMENT_TIMEOUT_MS: '2000',
  DB_LOCK_TIMEOUT_MS: '1000',
};
/** The longest a request may wait: statement timeout + the client's extra second + slack for a loaded machine. */
const BOUND_MS = 2000 + 1000 + 2500;

const ORGANISATIONS = '{ organisations(search: "") { id } }';

/**
 * A database of its own (an embedded PostgreSQL started for this file,
 * so other test files are not disturbed) is frozen with SIGSTOP, then stopped and restarted.
 */
describe('integrity: database faults answer UNAVAILABLE in time and recover', () => {
  const logs = captureLogs('info');
  const dir = join(tmpdir(), `bp-fault-${randomBytes(4).toString('hex')}`, 'pg');
  let port: number;
  let db: RunningDatabase;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    port = await freePort();
    db = await startEmbeddedPostgres(dir, 'portal', { port });
    await runMigrations(db.url, MIGRATIONS);
    t = await startTestApp({ DATABASE_URL: db.url, ...TIMEOUTS });
    admin = await t.adminToken();
  }, 120_000);
  afterAll(async () => {
    signal('SIGCONT');
    await t?.close().catch(() => undefined);
    await db?.stop();
  });

  /** The postmaster of the test's database and all its processes. */
  function processes(): number[] {
    const postmaster = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
    return [postmaster, ...children];
  }
  function signal(sig: 'SIGSTOP' | 'SIGCONT') {
    try {
      for (const pid of processes()) process.kill(pid, sig);
    } catch {
      // Already gone (after the restart test).
    }
  }
  async function timed(query: string) {
    const started = Date.now();
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send({ query });
    return { res, ms: Date.now() - started };
  }
  async function untilServed(limitMs: number): Promise<number> {
    const started = Date.now();
    await until(
      async () => {
        const { res } = await timed(ORGANISATIONS);
        return res.status === 200 && !res.body.errors;
      },
      { what: 'the organisations served again', timeoutMs: limitMs, intervalMs: 200 },
    );
    return Date.now() - started;
  }

  it('SIGSTOP: every request answers UNAVAILABLE (503, Retry-After) within the timeout, /ready 503 within 2 s, then recovers', async () => {
    expect((await timed(ORGANISATIONS)).res.body.errors).toBeUndefined();
    const before = logs.lines.length;
    signal('SIGSTOP');
    let answers: Awaited<ReturnType<typeof timed>>[];
    let ready: { status: number; ms: number };
    try {
      const readyStarted = Date.now();
      [ready, ...answers] = await Promise.all([
        request(t.http)
          .get('/ready')
          .then((r) => ({ status: r.status, ms: Date.now() - readyStarted })),
        ...Array.from({ length: 6 }, () => timed(ORGANISATIONS)),
      ]);
    } finally {
      signal('SIGCONT');
    }
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2000);
    for (const { res, ms } of answers) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAVAILABLE']);
      expect(ms).toBeLessThan(BOUND_MS);
    }
    const recoveredMs = await untilServed(15_000);
    console.info(
      `SIGSTOP: answers after ${answers.map((a) => a.ms).join(', ')} ms, /ready after ${ready.ms} ms; served again ${recoveredMs} ms after SIGCONT`,
    );
    expect((await request(t.http).get('/ready')).status).toBe(200);
    // One warn line for the outage, no error lines with stacks.
    const lines = logs.json().slice(before);
    expect(lines.filter((l) => l.msg === 'database unavailable')).toEqual([
      expect.objectContaining({ level: 40, dependency: 'database' }),
    ]);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    // And once, at info, that it is over (the probe asks every second).
    await until(
      () =>
        logs
          .json()
          .slice(before)
          .some((l) => l.msg === 'database available again'),
      { what: "the log line 'database available again'", timeoutMs: 5000 },
    );
  }, 60_000);

  it('restart: UNAVAILABLE while it is down, full service within seconds after it is back', async () => {
    const before = logs.lines.length;
    await db.stop();
    const down = await timed(ORGANISATIONS);
    expect(down.res.status).toBe(503);
    expect(down.res.body.errors[0].extensions.code).toBe('UNAVAILABLE');
    expect(down.ms).toBeLessThan(BOUND_MS);
    expect((await request(t.http).get('/ready')).status).toBe(503);
    // The start-up retry: gives up after its bounded time with a clear message …
    const gaveUp = await retryWhileUnavailable(() => runMigrations(db.url, MIGRATIONS), 1).catch((e) => e);
    expect(gaveUp).toBeInstanceOf(StartupGaveUpError);
    expect(gaveUp.message).toMatch(/could not be reached in 1 s .*DB_STARTUP_RETRY_SECONDS/);
    // … and waits for a database that comes back within it.
    let attempts = 0;
    const waiting = retryWhileUnavailable(async () => {
      attempts++;
      const client = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 1000 });
      await client.connect();
      await client.end();
      return 'connected';
    }, 60);
    // It has failed once and tried again before the database comes back.
    await until(() => attempts >= 2, { what: 'a second connection attempt' });
    db = await startEmbeddedPostgres(dir, 'portal', { port });
    expect(await waiting).toBe('connected');
    expect(attempts).toBeGreaterThanOrEqual(2);
    const recoveredMs = await untilServed(15_000);
    console.info(`restart: served again ${recoveredMs} ms after the database was back`);
    expect((await request(t.http).get('/ready')).status).toBe(200);
    const lines = logs.json().slice(before);
    expect(lines.filter((l) => l.msg === 'database unavailable')).toHaveLength(1);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  }, 120_000);
});
