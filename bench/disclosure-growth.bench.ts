/**
 * Disclosure growth bench: does a receiver's read, which writes one disclosure row per
 * case it shows, slow down as the disclosure history grows? The receiver's `cases(first: 50)` with
 * data runs under autocannon twice on the same database: with the generator's history only, then
 * after BENCH_DISCLOSURE_HISTORY more rows (default 2,000,000) spread over the past 36 months
 * (set-based SQL; the months' partitions are created first, as the retention sweep would have).
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/disclosure-growth.bench.ts'
 *   BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_DISCLOSURE_HISTORY
 */
import { CaseCrypto } from '../libs/casework/src/index.js';
import { startTestApp } from '../test/utils/test-app.js';
import { casework } from '../test/casework/helpers.js';
import { generateCasework, SMALL_CASEWORK } from './casework-generate.js';
import { CONNECTIONS, graphqlLoad, SECONDS, type LoadFigures } from './graphql-load.js';

const HISTORY = Number(process.env.BENCH_DISCLOSURE_HISTORY ?? 2_000_000);
const CASES = `{ cases(first: 50) { edges { node { reference identity { givenName familyName }
  language { germanLevel otherLanguages } residence { status } } } } }`;

describe('bench: disclosure history growth', () => {
  it('measures the receiver read with a small and a large disclosure history', async () => {
    const t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600', LOG_LEVEL: 'silent' });
    try {
      const a = await casework(t);
      await generateCasework(
        t.db,
        t.app.get(CaseCrypto),
        {
          allianceId: a.allianceId,
          owner: a.orgs.kim,
          receiver: a.orgs.jc,
          ownerWorker: a.users.kim.id,
          receiverWorker: a.users.jc.id,
        },
        SMALL_CASEWORK,
      );
      await t.app.listen(0, '127.0.0.1');
      const url = await t.app.getUrl();
      const check = await t.gql(CASES, {}, a.users.jc.token);
      if (check.errors) throw new Error(JSON.stringify(check.errors));
      const count = async () =>
        (await t.db.query('SELECT count(*)::int AS n FROM disclosures')).rows[0].n as number;
      const size = async () =>
        (
          await t.db.query(
            `SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) AS s FROM pg_inherits WHERE inhparent = 'disclosures'::regclass`,
          )
        ).rows[0].s as string;
      const current = async () =>
        (
          await t.db.query(
            `SELECT pg_size_pretty(pg_total_relation_size(tableoid)) AS s FROM disclosures ORDER BY at DESC LIMIT 1`,
          )
        ).rows[0].s as string;

      const figures: { label: string; rows: number; size: string; current: string; f: LoadFigures }[] = [];
      const run = async (label: string) => {
        await t.db.query('VACUUM ANALYZE disclosures');
        const rows = await count();
        const f = await graphqlLoad(url, a.users.jc.token, { query: CASES });
        figures.push({ label, rows, size: await size(), current: await current(), f });
      };

      await run('small history');
      const started = Date.now();
      await t.db.query(`SELECT ensure_disclosure_partitions(now() - interval '36 months', now())`);
      await t.db.query(
        `WITH src AS (SELECT row_number() OVER () - 1 AS k, s.* FROM (SELECT * FROM disclosures LIMIT 500) s)
         INSERT INTO disclosures (case_id, reader_id, organisation_id, categories, handover_id, consent_id, at)
         SELECT src.case_id, src.reader_id, src.organisation_id, src.categories, src.handover_id, src.consent_id,
                now() - make_interval(mins => (g * 37) % (35 * 30 * 24 * 60) + 60 * 24 * 31)
           FROM generate_series(1, $1::int) g JOIN src ON src.k = g % (SELECT count(*) FROM src)`,
        [HISTORY],
      );
      console.info(`added ${HISTORY} disclosures in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      await run('large history');

      const [small, large] = figures;
      console.info(
        [
          `disclosure growth (${SECONDS} s, ${CONNECTIONS} connections; receiver's cases(first: 50) with data: 50 disclosure rows written per request)`,
          '| history | disclosure rows | whole table | current month partition | req/s | p99 ms |',
          '|---|---|---|---|---|---|',
          ...figures.map(
            (x) =>
              `| ${x.label} | ${x.rows.toLocaleString('en')} | ${x.size} | ${x.current} | ${x.f.rps.toFixed(1)} | ${x.f.p99} |`,
          ),
          `throughput large/small: ${(large.f.rps / small.f.rps).toFixed(2)}; p99 large/small: ${(large.f.p99 / small.f.p99).toFixed(2)}`,
        ].join('\n'),
      );
      for (const x of figures) expect(x.f.errors + x.f.non2xx).toBe(0);
    } finally {
      await t.close();
    }
  }, 1_800_000);
});
