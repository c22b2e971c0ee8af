/**
 * Alliance report benchmark: allianceReport for the year 2025 and its XLSX and PDF downloads over
 * 20,000 cases and 5,000 handovers (bench/report-generate.ts), plus the coordination data of one
 * alliance. First call: computes and freezes the four quarters; later calls read them.
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/report.bench.ts'
 *   (BENCH_CASES, BENCH_HANDOVERS, BENCH_ROUNDS=5; DATABASE_URL=… for the machine's PostgreSQL)
 */
import request from 'supertest';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';
import { aReportAlliance, REPORT } from '../test/reporting/helpers.js';
import { generateReportCasework } from './report-generate.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const HANDOVERS = Number(process.env.BENCH_HANDOVERS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

let t: TestApp;
afterAll(() => t?.close());

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

it('measures the alliance report over the large casework data set', async () => {
  t = await startTestApp();
  const a = await aReportAlliance(t);
  const started = Date.now();
  await generateReportCasework(t.db, Object.values(a.orgs), a.users.kim.id, CASES, HANDOVERS);
  const generated = Date.now() - started;
  const counts = (
    await t.db.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM handovers)::int AS handovers`,
    )
  ).rows[0];
  const vars = { a: a.allianceId, from: '2025-01-01', to: '2025-12-31' };
  const time = async (f: () => Promise<unknown>) => {
    const s = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - s) / 1e6;
  };
  const gql = async (token: string) => {
    const res = await t.gql(REPORT, vars, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res;
  };
  const first = await time(() => gql(a.users.coord.token));
  const warm: number[] = [];
  const own: number[] = [];
  const xlsx: number[] = [];
  const pdf: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    warm.push(await time(() => gql(a.users.coord.token)));
    own.push(await time(() => gql(a.users.kim.token)));
    for (const [format, list] of [
      ['xlsx', xlsx],
      ['pdf', pdf],
    ] as const)
      list.push(
        await time(async () => {
          const res = await request(t.http)
            .get(`/alliances/${a.allianceId}/report.${format}`)
            .query({ from: vars.from, to: vars.to })
            .set('authorization', `Bearer ${a.users.coord.token}`);
          if (res.status !== 200) throw new Error(`${format}: ${res.status}`);
        }),
      );
  }
  const statements = (await gql(a.users.kim.token)).statements;
  const figures = {
    cases: counts.cases,
    handovers: counts.handovers,
    generateMs: generated,
    firstReportMs: Math.round(first),
    reportMedianMs: Math.round(median(warm)),
    caseWorkerReportMedianMs: Math.round(median(own)),
    xlsxMedianMs: Math.round(median(xlsx)),
    pdfMedianMs: Math.round(median(pdf)),
    statementsCaseWorker: statements,
  };
  console.info(JSON.stringify(figures, null, 2));
  expect(counts.cases).toBe(CASES);
  expect(counts.handovers).toBe(HANDOVERS);
}, 900_000);
