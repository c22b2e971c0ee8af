/**
 * Coordination benchmark: a large alliance (100 partners, 2,000 users, 50,000 tasks,
 * 200,000 comments), the task-board query and updateTask under autocannon, side by side with a bare
 * node:http + pg handler answering the same board query with one hand-written SQL statement.
 * See bench/README.md. Not part of `npm test` (jest's roots do not include bench/).
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/coordination-*.bench.ts'
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../test/utils/test-app.js';
import { generateLargeAlliance } from './coordination-generate.js';
import { BOARD as SHARED_BOARD } from './graphql-load.js';

/**
 * The board query, spelled out here because ../shared/bench-peers reads it from this file's text
 * (`export const BOARD = \`…\``); the test below keeps it equal to the one the other benches share.
 */
export const BOARD = `query($a: ID!, $status: [TaskStatus!], $first: Int) {
  tasks(allianceId: $a, filter: { status: $status }, orderBy: DUE_ON, first: $first) {
    totalCount
    edges { node { id title status priority dueOn
      leadPartner { organisation { name shortName } }
      contributingPartners { organisation { name shortName } }
      assignee { displayName }
      goal { title }
      blockedBy { id title status }
      comments { body createdAt author { displayName } } } } } }`;

/** The node flags the portal runs with in production (Dockerfile, npm start). */
const PRODUCTION_NODE_FLAGS = '--max-semi-space-size=64';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FIRST = 50;
const OPEN = ['OPEN', 'IN_PROGRESS', 'BLOCKED'];

interface LoadResult {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  conflicts: number;
}

/** Runs the load generator in its own process; samples `rss()` meanwhile and reports the peak. */
async function load(
  options: Record<string, unknown>,
  rss: () => Promise<number>,
): Promise<LoadResult & { rssMb: number }> {
  const child = spawn(process.execPath, [join(process.cwd(), 'bench/coordination-load.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, ...options }));
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  let peak = 0;
  const sampler = setInterval(() => void rss().then((v) => (peak = Math.max(peak, v))), 250);
  const code: number = await new Promise((r) => child.on('exit', r));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return {
    ...(JSON.parse(out.trim().split('\n').pop()!) as LoadResult),
    rssMb: Math.round(peak / 1024 / 1024),
  };
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** Starts a server script as a child process and waits for the {"port": N} line it prints. */
async function serve(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, join(process.cwd(), script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port: number = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout!.once('data', (d) => resolve(JSON.parse(String(d).trim().split('\n')[0]).port));
  });
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

async function post(url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe('bench: coordination', () => {
  it('task board and updateTask on a large alliance, against a bare node:http + pg ceiling', async () => {
    expect(BOARD).toBe(SHARED_BOARD);
    // The portal runs compiled and in production mode, in its own process, like the ceiling.
    const build = spawnSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
      { stdio: 'inherit' },
    );
    expect(build.status).toBe(0);
    const databaseUrl = await createTestDatabase();
    const servers: ChildProcess[] = [];
    try {
      const g = await generateLargeAlliance(databaseUrl);
      console.log(`generated in ${g.seconds.toFixed(1)} s:`, g.counts);
      const portal = await serve(
        'bench/coordination-server.mjs',
        [],
        {
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          JWT_SECRET: randomBytes(32).toString('hex'),
          AUDIT_KEY: randomBytes(32).toString('hex'),
          CASE_DATA_KEY: randomBytes(32).toString('hex'),
          ACCESS_TOKEN_TTL_SECONDS: '3600',
          DEMO_DATA: 'false',
          LOG_LEVEL: 'error',
          DATA_DIR: join(process.cwd(), '.data', 'bench'),
        },
        [
          ...(process.env.BENCH_NODE_OPTIONS ?? PRODUCTION_NODE_FLAGS).split(' ').filter(Boolean),
          ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
        ],
      );
      servers.push(portal.child);
      const ceiling = await serve('bench/coordination-ceiling.mjs', [databaseUrl]);
      servers.push(ceiling.child);

      const login = async (email: string) =>
        (
          await post(portal.url, {
            query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
            variables: { e: email, p: g.password },
          })
        ).data.login.accessToken as string;
      const member = await login(g.memberEmail);
      const coordinator = await login(g.coordinatorEmail);
      const variables = { a: g.allianceId, status: OPEN, first: FIRST };
      const body = { query: BOARD, variables };

      // Same answer from both, before measuring.
      const portalAnswer = await post(portal.url, body, member);
      expect(portalAnswer.errors).toBeUndefined();
      const ceilingAnswer = await post(ceiling.url, body);
      expect(ceilingAnswer.data.tasks.totalCount).toBe(portalAnswer.data.tasks.totalCount);
      expect(ceilingAnswer.data.tasks.edges.map((e: any) => e.node.id)).toEqual(
        portalAnswer.data.tasks.edges.map((e: any) => e.node.id),
      );
      console.log(
        `board: ${portalAnswer.data.tasks.edges.length} of ${portalAnswer.data.tasks.totalCount} open tasks`,
      );

      const rss = (child: ChildProcess) => async () => rssOf(child.pid!);
      await load({ url: portal.url, token: member, body, seconds: 3 }, rss(portal.child)); // warm-up
      await load({ url: ceiling.url, body, seconds: 3 }, rss(ceiling.child));
      const board = await load({ url: portal.url, token: member, body }, rss(portal.child));
      const bare = await load({ url: ceiling.url, body }, rss(ceiling.child));

      const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      const { rows } = await pool.query(
        "SELECT id, version FROM tasks WHERE alliance_id = $1 AND status IN ('OPEN', 'IN_PROGRESS') ORDER BY id LIMIT 20000",
        [g.allianceId],
      );
      await pool.end();
      const update = process.env.BENCH_BOARD_ONLY
        ? {
            rps: 0,
            total: 0,
            p50: 0,
            p99: 0,
            errors: 0,
            timeouts: 0,
            non2xx: 0,
            graphqlErrors: 0,
            conflicts: 0,
            rssMb: 0,
          }
        : await load(
            {
              url: portal.url,
              token: coordinator,
              mode: 'updateTask',
              tasks: rows.map((r: any) => [r.id, r.version]),
            },
            rss(portal.child),
          );

      const line = (name: string, r: LoadResult & { rssMb: number }) =>
        `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   peak RSS ${r.rssMb} MB   (${r.total} requests, ${r.non2xx} non-2xx, ${r.graphqlErrors} GraphQL errors${r.conflicts ? `, ${r.conflicts} conflicts` : ''})`;
      console.log(
        [
          `${CONNECTIONS} connections, ${SECONDS} s each, ${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'}, ${cpus().length} CPUs`,
          line('portal: task board', board),
          line('ceiling: node:http + pg', bare),
          line('portal: updateTask', update),
          `board throughput portal/ceiling: ${(board.rps / bare.rps).toFixed(2)} (target >= 0.40); p99 portal/ceiling: ${(board.p99 / Math.max(bare.p99, 1)).toFixed(1)} (target < 10)`,
        ].join('\n'),
      );
      expect(board.non2xx + board.errors + board.graphqlErrors).toBe(0);
      expect(bare.non2xx + bare.errors).toBe(0);
      expect(update.non2xx + update.errors + update.graphqlErrors).toBe(0);
    } finally {
      for (const child of servers) child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 900_000);
});
