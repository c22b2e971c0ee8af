/**
 * Scale bench: the same callers against a small and a large deployment. For each size a
 * fresh database is filled by the generators (casework: bench/casework-generate.ts, cases encrypted
 * with the portal's own CaseCrypto; tasks: bench/coordination-generate.ts; audit: set-based rows),
 * then every shape runs under autocannon (own process, 127.0.0.1) and the table prints throughput
 * and p99 for both sizes and their ratio.
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/scale.bench.ts'
 *   BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_SCALE=small|large|both (default both),
 *   BENCH_ROUNDS (default 1)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseCrypto } from '../libs/casework/src/index.js';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';
import { casework } from '../test/casework/helpers.js';
import { generateCasework, LARGE_CASEWORK, SMALL_CASEWORK } from './casework-generate.js';
import { generateLargeAlliance, LARGE } from './coordination-generate.js';
import { BOARD } from './graphql-load.js';

const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 60);
const CONNECTIONS = Math.min(Number(process.env.BENCH_CONNECTIONS ?? 10), 50);
const SCALES = {
  small: { casework: SMALL_CASEWORK, tasks: 1_000, audit: 7_000 },
  large: { casework: LARGE_CASEWORK, tasks: 200_000, audit: 300_000 },
};

const CASES = `{ cases(first: 50) { totalCount edges { node { reference identity { givenName familyName }
  language { germanLevel otherLanguages } residence { status } handovers { to { id } consent { id } } } } } }`;
const INBOX = `{ handovers(incoming: true, status: [REQUESTED]) { id requestedAt case { reference } consent { categories } } }`;
const DISCLOSURES = `query($id: ID!) { disclosures(caseId: $id, first: 50) { totalCount edges { node { at categories reader { displayName } organisation { name } } } } }`;
const TASKS = `query($a: ID!, $f: TaskFilter, $after: String) { tasks(allianceId: $a, filter: $f, first: 50, after: $after) {
  totalCount pageInfo { endCursor } edges { node { id title status dueOn } } } }`;
const AUDIT = `{ auditLog(first: 50) { totalCount edges { node { action entityType changedFields } } } }`;

interface Shape {
  name: string;
  token: string;
  body: { query: string; variables?: Record<string, unknown> };
}

interface Figures {
  rps: number;
  p99: number;
  failures: number;
}

function load(url: string, shape: Shape): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bench', 'coordination-load.mjs')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      const r = JSON.parse(out.trim().split('\n').pop()!);
      resolve({ rps: r.rps, p99: r.p99, failures: r.errors + r.timeouts + r.non2xx + r.graphqlErrors });
    });
    child.stdin.end(
      JSON.stringify({
        url: `${url}/graphql`,
        token: shape.token,
        body: shape.body,
        connections: CONNECTIONS,
        seconds: SECONDS,
      }),
    );
  });
}

interface Deployment {
  url: string;
  shapes: Shape[];
  check: (shape: Shape) => Promise<void>;
  close: () => Promise<void>;
}

/** A database of the size, filled by the generators, and a running portal on it with its shapes. */
async function deploy(scale: keyof typeof SCALES): Promise<Deployment> {
  const size = SCALES[scale];
  const t: TestApp = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600', LOG_LEVEL: 'silent' });
  try {
    const a = await casework(t);
    const cw = await generateCasework(
      t.db,
      t.app.get(CaseCrypto),
      {
        allianceId: a.allianceId,
        owner: a.orgs.kim,
        receiver: a.orgs.jc,
        ownerWorker: a.users.kim.id,
        receiverWorker: a.users.jc.id,
      },
      size.casework,
    );
    const board = await generateLargeAlliance(t.databaseUrl, {
      ...LARGE,
      tasks: size.tasks,
      comments: size.tasks,
    });
    await t.db.query(
      `INSERT INTO audit_entries (sequence, at, action, entity_type, entity_id, alliance_id, changed_fields, hash)
       SELECT (SELECT COALESCE(max(sequence), 0) FROM audit_entries) + g, now(), 'updateTask', 'Task', gen_random_uuid(), $2,
              '{title}', md5(g::text) FROM generate_series(1, $1::int) g`,
      [size.audit, board.allianceId],
    );
    await t.db.query('ANALYZE audit_entries');
    console.info(
      `${scale}: casework ${JSON.stringify(cw.counts)} in ${cw.seconds} s; tasks ${board.counts.tasks} in ${board.seconds} s; audit +${size.audit}`,
    );
    const coordinator = await t.login(board.coordinatorEmail, board.password);
    const { rows: partner } = await t.db.query(
      'SELECT id FROM partners WHERE alliance_id = $1 ORDER BY id LIMIT 1',
      [board.allianceId],
    );
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    const tasks = (f: Record<string, unknown>, after?: string) => ({
      query: TASKS,
      variables: { a: board.allianceId, f, after },
    });
    const { rows: assignee } = await t.db.query(
      'SELECT assignee_id AS id FROM tasks WHERE alliance_id = $1 AND assignee_id IS NOT NULL ORDER BY id LIMIT 1',
      [board.allianceId],
    );
    // The cursor of the third page, for a later page of the unfiltered list.
    let after: string | undefined;
    for (let i = 0; i < 2; i++)
      after = (await t.gql(TASKS, tasks({}, after).variables, coordinator)).data.tasks.pageInfo.endCursor;
    const shapes: Shape[] = [
      { name: "receiver's cases(first: 50) with data", token: a.users.jc.token, body: { query: CASES } },
      { name: "owner's cases(first: 50) with data", token: a.users.kim.token, body: { query: CASES } },
      { name: 'handover inbox (incoming, REQUESTED)', token: a.users.jc.token, body: { query: INBOX } },
      {
        name: 'disclosures(caseId, first: 50)',
        token: a.users.kim.token,
        body: { query: DISCLOSURES, variables: { id: cw.disclosedCaseId } },
      },
      {
        name: 'task board (open, by due day, full nodes)',
        token: coordinator,
        body: {
          query: BOARD,
          variables: { a: board.allianceId, status: ['OPEN', 'IN_PROGRESS', 'BLOCKED'], first: 50 },
        },
      },
      { name: 'tasks unfiltered', token: coordinator, body: tasks({}) },
      { name: 'tasks third page (after a cursor)', token: coordinator, body: tasks({}, after) },
      { name: 'tasks by partnerId', token: coordinator, body: tasks({ partnerId: partner[0].id }) },
      { name: 'tasks by assigneeId', token: coordinator, body: tasks({ assigneeId: assignee[0].id }) },
      { name: 'tasks search rare word', token: coordinator, body: tasks({ search: 'Zwischenstandxyz' }) },
      { name: 'tasks search common word', token: coordinator, body: tasks({ search: 'Sprachkurs' }) },
      { name: 'auditLog(first: 50)', token: await t.adminToken(), body: { query: AUDIT } },
    ];
    const check = async (shape: Shape) => {
      const answer = await t.gql(shape.body.query, shape.body.variables, shape.token);
      if (answer.errors) throw new Error(`${shape.name}: ${JSON.stringify(answer.errors)}`);
    };
    return { url, shapes, check, close: () => t.close() };
  } catch (e) {
    await t.close();
    throw e;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Both deployments run side by side and each shape is measured on the small one and then at once on
 * the large one, BENCH_ROUNDS times (default 1): a ratio compares two runs seconds apart, so a change
 * of the machine's load between the sizes does not pass for a cost of size. With several rounds the
 * table shows the medians and the per-round ratios.
 */
describe('bench: scale', () => {
  it('prints throughput and p99 for the small and the large deployment', async () => {
    const which = process.env.BENCH_SCALE ?? 'both';
    const rounds = Math.max(1, Math.min(Number(process.env.BENCH_ROUNDS ?? 1), 9));
    const deployments: Partial<Record<keyof typeof SCALES, Deployment>> = {};
    try {
      if (which !== 'large') deployments.small = await deploy('small');
      if (which !== 'small') deployments.large = await deploy('large');
      const sizes = (['small', 'large'] as const).filter((s) => deployments[s]);
      const names = deployments[sizes[0]]!.shapes.map((s) => s.name);
      const figures = new Map<string, Record<string, Figures[]>>(
        names.map((n) => [n, { small: [], large: [] }]),
      );
      for (const size of sizes)
        for (const shape of deployments[size]!.shapes) await deployments[size]!.check(shape);
      const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      for (let round = 0; round < rounds; round++)
        for (const [i, name] of names.entries())
          for (const size of sizes) {
            const d = deployments[size]!;
            figures.get(name)![size].push(await load(d.url, d.shapes[i]));
          }
      const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      const med = (fs: Figures[]) =>
        fs.length
          ? { rps: median(fs.map((f) => f.rps)), p99: median(fs.map((f) => f.p99)), failures: 0 }
          : undefined;
      const cell = (f?: Figures) => (f ? `${f.rps.toFixed(0)} req/s, p99 ${f.p99} ms` : '–');
      const lines = [
        `load average ${load0} before, ${load1} after; ${rounds} round(s), medians`,
        `| shape (${CONNECTIONS} connections, ${SECONDS} s) | small: 1,000 cases, 1,000 tasks | large: 100,000 cases, 200,000 tasks | throughput large/small (per round) | p99 large/small |`,
        '|---|---|---|---|---|',
        ...names.map((n) => {
          const { small, large } = figures.get(n)!;
          const s = med(small);
          const l = med(large);
          const perRound =
            small.length && large.length ? small.map((f, r) => (large[r].rps / f.rps).toFixed(2)) : [];
          const ratio = perRound.length
            ? `${median(perRound.map(Number)).toFixed(2)}× (${perRound.join(' ')})`
            : '–';
          const p99 = s && l ? `${(l.p99 / Math.max(1, s.p99)).toFixed(2)}×` : '–';
          return `| ${n} | ${cell(s)} | ${cell(l)} | ${ratio} | ${p99} |`;
        }),
      ];
      console.info(lines.join('\n'));
      for (const f of [...figures.values()].flatMap((r) => [...r.small, ...r.large]))
        expect(f.failures).toBe(0);
    } finally {
      for (const d of Object.values(deployments)) await d?.close();
    }
  }, 3_600_000);
});
