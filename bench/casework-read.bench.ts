/**
 * Casework read benchmark: cases(first: 50) with category data, read by a receiving organisation,
 * over 20,000 cases and 5,000 accepted handovers; and the throughput cost of disclosure logging and
 * decryption (with vs without category fields, receiver vs owner).
 *
 *   npm test -- --roots '<rootDir>/bench' --testMatch '**\/casework-*.bench.ts'
 *   (BENCH_SECONDS=10 BENCH_CONNECTIONS=10 by default; DATABASE_URL=… for the machine's PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { CaseCrypto } from '../libs/casework/src/index.js';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';
import { casework } from '../test/casework/helpers.js';
import { CONNECTIONS, graphqlLoad, SECONDS } from './graphql-load.js';

const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const HANDOVERS = Number(process.env.BENCH_HANDOVERS ?? 5_000);

const WITH_DATA = `{ cases(first: 50) { edges { node { identity { givenName familyName } language { germanLevel otherLanguages } residence { status } handovers { to { id } consent { id } } } } } }`;
const WITHOUT_DATA = `{ cases(first: 50) { edges { node { reference visibleCategories handovers { to { id } consent { id } } } } } }`;

async function seed(
  t: TestApp,
  owner: string,
  receiver: string,
  caseWorker: string,
  receiverWorker: string,
): Promise<void> {
  const crypto = t.app.get(CaseCrypto);
  const year = new Date().getUTCFullYear();
  const batch = 1000;
  for (let start = 0; start < CASES; start += batch) {
    const ids: string[] = [];
    const numbers: number[] = [];
    const refs: string[] = [];
    const indexes: string[] = [];
    const dCase: string[] = [];
    const dCat: string[] = [];
    const dKey: string[] = [];
    const dNonce: Buffer[] = [];
    const dCipher: Buffer[] = [];
    for (let i = start; i < Math.min(CASES, start + batch); i++) {
      const id = randomUUID();
      ids.push(id);
      numbers.push(i + 1);
      refs.push(`KR-${year}-${String(i + 1).padStart(5, '0')}`);
      indexes.push(crypto.familyNameIndex(`Family${i}`));
      const values: [string, unknown][] = [
        ['IDENTITY', { givenName: `Given${i}`, familyName: `Family${i}`, dateOfBirth: '1990-01-01' }],
        ['LANGUAGE', { germanLevel: 'A2', otherLanguages: ['ar', 'en'], note: null }],
        ['RESIDENCE', { status: 'Aufenthaltserlaubnis', permitValidUntil: '2027-12-31', note: null }],
      ];
      for (const [category, value] of values) {
        const s = crypto.seal(id, category, value);
        dCase.push(id);
        dCat.push(category);
        dKey.push(s.keyId);
        dNonce.push(s.nonce);
        dCipher.push(s.ciphertext);
      }
    }
    await t.db.query(
      `INSERT INTO cases (id, owner_organisation_id, year, number, reference, case_worker_id, support_areas, family_name_index, opened_at)
       SELECT id, $2, $3, n, r, $4, '{EMPLOYMENT}', x, now() - make_interval(secs => ${CASES} - n) FROM unnest($1::uuid[], $5::int[], $6::text[], $7::text[]) AS u(id, n, r, x)`,
      [ids, owner, year, caseWorker, numbers, refs, indexes],
    );
    await t.db.query(
      `INSERT INTO case_data (case_id, category, key_id, nonce, ciphertext) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::bytea[])`,
      [dCase, dCat, dKey, dNonce, dCipher],
    );
  }
  // Every fourth case is handed over (accepted) to the receiver under its own written consent.
  await t.db.query(
    `WITH chosen AS (SELECT id FROM cases WHERE owner_organisation_id = $1 AND number % 4 = 0 ORDER BY number LIMIT $5),
     k AS (INSERT INTO consents (case_id, recipient_ids, categories, purpose, form, informed_in_language, interpreter_used, valid_from, recorded_by)
           SELECT id, ARRAY[$2::uuid], '{IDENTITY,LANGUAGE,RESIDENCE}', 'Vermittlung', 'WRITTEN', 'ar', true, now() - interval '1 day', $3 FROM chosen
           RETURNING id, case_id)
     INSERT INTO handovers (case_id, from_organisation_id, to_organisation_id, consent_id, categories, status, requested_by, responded_by, responded_at)
     SELECT k.case_id, $1, $2, k.id, '{IDENTITY,LANGUAGE,RESIDENCE}', 'ACCEPTED', $3, $4, now() FROM k`,
    [owner, receiver, caseWorker, receiverWorker, HANDOVERS],
  );
  await t.db.query('ANALYZE');
}

/** One GraphQL query under load. */
const load = (url: string, token: string, query: string) => graphqlLoad(url, token, { query });

describe('bench: casework list read', () => {
  it(`cases(first: 50) over ${CASES} cases and ${HANDOVERS} handovers`, async () => {
    const t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '3600' });
    try {
      const a = await casework(t);
      const started = Date.now();
      await seed(t, a.orgs.kim, a.orgs.jc, a.users.kim.id, a.users.jc.id);
      const seeded = Date.now() - started;
      await t.app.listen(0, '127.0.0.1');
      const url = await t.app.getUrl();

      const check = await t.gql(WITH_DATA, {}, a.users.jc.token);
      expect(check.errors).toBeUndefined();
      expect(check.data.cases.edges).toHaveLength(50);
      expect(check.data.cases.edges[0].node.identity.familyName).toMatch(/^Family\d+$/);
      const statements = check.statements;
      const disclosuresBefore = (await t.db.query('SELECT count(*)::int AS n FROM disclosures')).rows[0].n;

      const runs = {
        'baseline: { me { id } }': await load(url, a.users.jc.token, '{ me { id } }'),
        'receiver, with category data (decrypt + disclosures)': await load(url, a.users.jc.token, WITH_DATA),
        'receiver, without category data': await load(url, a.users.jc.token, WITHOUT_DATA),
        'owner, with category data (decrypt, no disclosures)': await load(url, a.users.kim.token, WITH_DATA),
        'owner, without category data': await load(url, a.users.kim.token, WITHOUT_DATA),
      };
      const disclosures =
        (await t.db.query('SELECT count(*)::int AS n FROM disclosures')).rows[0].n - disclosuresBefore;
      // Ratios to the baseline measured in the same run: what to read on a shared machine.
      const floor = runs['baseline: { me { id } }'].rps;
      const lines = Object.entries(runs).map(
        ([name, r]) =>
          `  ${name.padEnd(56)} ${r.rps.toFixed(0).padStart(6)} req/s (${(r.rps / floor).toFixed(2)}×)   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`,
      );
      console.info(
        [
          `casework read bench: ${CASES} cases, ${HANDOVERS} accepted handovers, ${CONNECTIONS} connections × ${SECONDS} s (seeded in ${(seeded / 1000).toFixed(1)} s, load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')})`,
          `  statements for one receiver read of 50 cases (disclosures included): ${statements}`,
          ...lines,
          `  disclosure rows written during the receiver run: ${disclosures}`,
        ].join('\n'),
      );
      for (const r of Object.values(runs)) expect(r.errors + r.non2xx).toBe(0);
      expect(disclosures).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  }, 900_000);
});
