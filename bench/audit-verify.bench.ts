import { randomUUID } from 'node:crypto';
import { chainHash } from '../libs/core/src/audit/audit-chain.js';
import { startTestApp, type TestApp } from '../test/utils/test-app.js';

/**
 * verifyAuditChain and auditLog(first: 50) on a large audit log:
 *   AUDIT_BENCH_ENTRIES=300000 npm test -- --roots '<rootDir>/bench' --testMatch '**\/audit-verify.bench.ts'
 * The first verification has no checkpoint yet and recomputes the whole chain (what every call did
 * before checkpoints); later ones start at the latest signed checkpoint.
 */
const N = Number(process.env.AUDIT_BENCH_ENTRIES ?? 300_000);
const BATCH = 10_000;

describe(`audit log with ${N} entries`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const head = (
      await t.db.query('SELECT sequence::int, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1')
    ).rows[0];
    let previousHash: string | null = head.hash;
    let sequence: number = head.sequence;
    const started = Date.now();
    for (let done = 0; done < N; done += BATCH) {
      const rows: unknown[][] = [];
      for (let i = 0; i < Math.min(BATCH, N - done); i++) {
        const e = {
          sequence: ++sequence,
          at: new Date(),
          actorId: null,
          action: 'updateTask',
          entityType: 'Task',
          entityId: randomUUID(),
          allianceId: null,
          changedFields: ['title'],
        };
        const hash = chainHash(t.config.auditKey, e, previousHash);
        rows.push([randomUUID(), e.sequence, e.at, e.action, e.entityType, e.entityId, hash, previousHash]);
        previousHash = hash;
      }
      await t.db.query(
        `INSERT INTO audit_entries (id, sequence, at, action, entity_type, entity_id, changed_fields, hash, previous_hash)
         SELECT id, seq, at, action, et, eid, '{title}', hash, prev
           FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[])
             AS t(id, seq, at, action, et, eid, hash, prev)`,
        [0, 1, 2, 3, 4, 5, 6, 7].map((c) => rows.map((r) => r[c])),
      );
    }
    await t.db.query('ANALYZE audit_entries');
    console.info(`generated ${N} chained entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 3_600_000);
  afterAll(() => t.close());

  const time = async (query: string) => {
    const started = process.hrtime.bigint();
    const res = await t.gql(query, {}, admin);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(res.errors).toBeUndefined();
    return { ms, data: res.data };
  };

  it('verifyAuditChain: the whole chain once, then from the latest checkpoint', async () => {
    const Q = '{ verifyAuditChain { valid entriesChecked verifiedFromSequence } }';
    const full = await time(Q);
    const fromCheckpoint = [await time(Q), await time(Q), await time(Q)].sort((a, b) => a.ms - b.ms);
    console.info(
      `verifyAuditChain over ${full.data.verifyAuditChain.entriesChecked} entries: ` +
        `without a checkpoint (as before) ${full.ms.toFixed(0)} ms; ` +
        `from checkpoint ${fromCheckpoint[1].data.verifyAuditChain.verifiedFromSequence}: median ${fromCheckpoint[1].ms.toFixed(1)} ms`,
    );
    expect(full.data.verifyAuditChain.valid).toBe(true);
    expect(fromCheckpoint[1].data.verifyAuditChain.valid).toBe(true);
  }, 600_000);

  it('auditLog(first: 50): with and without totalCount', async () => {
    const median = async (q: string) => {
      const runs = [];
      for (let i = 0; i < 7; i++) runs.push((await time(q)).ms);
      return runs.sort((a, b) => a - b)[3];
    };
    const page = await median(
      '{ auditLog(first: 50) { edges { node { sequence } } pageInfo { hasNextPage } } }',
    );
    const counted = await median('{ auditLog(first: 50) { totalCount edges { node { sequence } } } }');
    // What every page paid before: counting the whole table.
    const runs = [];
    for (let i = 0; i < 7; i++) {
      const started = process.hrtime.bigint();
      await t.db.query('SELECT count(*)::int FROM audit_entries');
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    console.info(
      `uncapped count(*) of the table (each page before): median ${runs.sort((a, b) => a - b)[3].toFixed(1)} ms`,
    );
    console.info(
      `auditLog(first: 50), median of 7: without totalCount ${page.toFixed(1)} ms, with (capped) ${counted.toFixed(1)} ms`,
    );
  }, 600_000);
});
