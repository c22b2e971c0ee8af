/**
 * How disclosures are stored: monthly partitions, so a read's INSERT touches one small
 * partition however long the history; still append-only; kept after the case's erasure for
 * DISCLOSURE_RETENTION_DAYS, then deleted by the retention sweep (once, audited).
 */
import { RetentionService } from '../../libs/casework/src/index.js';
import type { TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { CASE_FIELDS, expectData, handedOver, withCaseworkApp } from './helpers.js';

const DISCLOSURES = `query($id: ID!) { disclosures(caseId: $id, first: 50) { totalCount edges { node { id at } } } }`;

/** The partition name of an instant: `disclosures_YYYY_MM` of its UTC month. */
function partitionOf(at: Date): string {
  return `disclosures_${at.getUTCFullYear()}_${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthsAhead(n: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + n, 15));
}

describe('casework: disclosure storage (partitions, append-only, retention after erasure)', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  async function readAsReceiver(caseId: string): Promise<void> {
    const res = await t.gql(
      `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
      { id: caseId },
      a.users.jc.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.case.identity).not.toBeNull();
  }

  async function partitions(): Promise<string[]> {
    const { rows } = await t.db.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'disclosures'::regclass ORDER BY c.relname`,
    );
    return rows.map((r: { relname: string }) => r.relname);
  }

  it('a read is recorded in the partition of its month; the coming two months exist already', async () => {
    const h = await handedOver(t, a, { givenName: 'Oksana', familyName: 'Partitionova' });
    await readAsReceiver(h.caseId);
    const { rows } = await t.db.query(
      `SELECT tableoid::regclass::text AS partition, at FROM disclosures WHERE case_id = $1`,
      [h.caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].partition).toBe(partitionOf(rows[0].at));
    const names = await partitions();
    for (const n of [0, 1, 2]) expect(names).toContain(partitionOf(monthsAhead(n)));
    expect(names).toContain('disclosures_default');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM disclosures_default`)).rows[0].n).toBe(0);
  });

  it('creating the partitions ahead is idempotent and safe when two instances do it at once', async () => {
    const before = await partitions();
    const ensure = () =>
      t.db
        .query(`SELECT ensure_disclosure_partitions(now(), now() + interval '5 months') AS created`)
        .then((r) => r.rows[0].created as number);
    const created = await Promise.all([ensure(), ensure()]);
    const after = await partitions();
    expect(created.reduce((s, n) => s + n, 0)).toBe(after.length - before.length);
    for (const n of [3, 4, 5]) expect(after).toContain(partitionOf(monthsAhead(n)));
    expect(await ensure()).toBe(0);
  });

  it('a row whose month has no partition lands in the default partition, stays readable, and blocks only that month', async () => {
    const h = await handedOver(t, a, { givenName: 'Far', familyName: 'Future' });
    await readAsReceiver(h.caseId);
    const far = monthsAhead(30);
    // A clock far ahead (or a sweep that did not run for months): the row still goes somewhere.
    await t.db.query(
      `INSERT INTO disclosures (case_id, reader_id, organisation_id, categories, handover_id, consent_id, at)
       SELECT case_id, reader_id, organisation_id, categories, handover_id, consent_id, $2 FROM disclosures WHERE case_id = $1`,
      [h.caseId, far],
    );
    const where = await t.db.query(`SELECT tableoid::regclass::text AS p FROM disclosures WHERE at = $1`, [
      far,
    ]);
    expect(where.rows).toEqual([{ p: 'disclosures_default' }]);
    const created = await t.db.query(
      `SELECT ensure_disclosure_partitions($1::timestamptz - interval '1 month', $1::timestamptz + interval '1 month') AS n`,
      [far],
    );
    expect(created.rows[0].n).toBe(2);
    const names = await partitions();
    expect(names).not.toContain(partitionOf(far));
    const list = await expectData(t, DISCLOSURES, { id: h.caseId }, a.users.kim.token);
    expect(list.disclosures.totalCount).toBe(2);
  });

  it('stays append-only: UPDATE and DELETE are refused on the table and on a partition, also for the sweep on a living case', async () => {
    const h = await handedOver(t, a, { givenName: 'Ada', familyName: 'Appendonly' });
    await readAsReceiver(h.caseId);
    const partition = (
      await t.db.query(`SELECT tableoid::regclass::text AS p FROM disclosures WHERE case_id = $1`, [h.caseId])
    ).rows[0].p;
    for (const sql of [
      `UPDATE disclosures SET categories = '{HEALTH}' WHERE case_id = $1`,
      `DELETE FROM disclosures WHERE case_id = $1`,
      `UPDATE ${partition} SET at = at WHERE case_id = $1`,
      `DELETE FROM ${partition} WHERE case_id = $1`,
    ])
      await expect(t.db.query(sql, [h.caseId])).rejects.toMatchObject({ code: '42501' });
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL casework.disclosure_retention = 'on'`);
      await expect(
        client.query(`DELETE FROM disclosures WHERE case_id = $1`, [h.caseId]),
      ).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM disclosures WHERE case_id = $1`, [h.caseId])).rows[0]
        .n,
    ).toBe(1);
  });

  it("an erased case's disclosures are kept for DISCLOSURE_RETENTION_DAYS after the erasure, then deleted once by the sweep, audited", async () => {
    const erased = await handedOver(t, a, { givenName: 'Rhea', familyName: 'Retained' });
    const living = await handedOver(t, a, { givenName: 'Liv', familyName: 'Living' });
    await readAsReceiver(erased.caseId);
    await readAsReceiver(erased.caseId);
    await readAsReceiver(living.caseId);
    await expectData(
      t,
      `mutation($id: ID!) { eraseCase(id: $id) { status } }`,
      { id: erased.caseId },
      a.users.kim.token,
    );
    const count = async (caseId: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM disclosures WHERE case_id = $1`, [caseId])).rows[0].n;
    const sweep = t.app.get(RetentionService);

    // Erased just now: the record stays (the client's record, and evidence of lawful processing).
    await sweep.sweep();
    expect(await count(erased.caseId)).toBe(2);
    const kept = await expectData(t, DISCLOSURES, { id: erased.caseId }, a.users.kim.token);
    expect(kept.disclosures.totalCount).toBe(2);

    // Erased longer ago than the retention (default 1,095 days): the sweep deletes them, and only them.
    await t.db.query(`UPDATE cases SET erased_at = now() - interval '1096 days' WHERE id = $1`, [
      erased.caseId,
    ]);
    expect(await sweep.sweep()).not.toBeNull();
    expect(await count(erased.caseId)).toBe(0);
    expect(await count(living.caseId)).toBe(1);
    const marked = await t.db.query(`SELECT disclosures_expired_at FROM cases WHERE id = $1`, [
      erased.caseId,
    ]);
    expect(marked.rows[0].disclosures_expired_at).not.toBeNull();
    const audit = await t.db.query(
      `SELECT actor_id, action, changed_fields FROM audit_entries WHERE entity_id = $1 AND action = 'expireDisclosuresAfterRetention'`,
      [erased.caseId],
    );
    expect(audit.rows).toEqual([
      { actor_id: null, action: 'expireDisclosuresAfterRetention', changed_fields: ['disclosures'] },
    ]);

    // A second sweep finds nothing more to do for it, and the audit chain still verifies.
    await sweep.sweep();
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action = 'expireDisclosuresAfterRetention'`,
          [erased.caseId],
        )
      ).rows[0].n,
    ).toBe(1);
    const chain = await expectData(t, `{ verifyAuditChain { valid } }`, {}, await t.adminToken());
    expect(chain.verifyAuditChain.valid).toBe(true);
  });
});
