import { AuditVerificationService } from '../../libs/core/src/index.js';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const VERIFY = `{ verifyAuditChain { valid entriesChecked firstBrokenSequence verifiedFromSequence
  lastFullVerification { startedAt finishedAt valid entriesChecked firstBrokenSequence } } }`;
const EVERY = 5;

/** Verification in bounded time from signed checkpoints, plus a full background run. */
describe('audit chain: signed checkpoints, the full background run, and what an ALLIANCE_ADMIN learns', () => {
  let t: TestApp;
  let admin: string;
  let a: BuiltAlliance;
  let b: BuiltAlliance;

  const head = async () =>
    Number((await t.db.query('SELECT max(sequence) AS s FROM audit_entries')).rows[0].s);
  const tamper = async (sequence: number) => {
    await t.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
    try {
      await t.db.query("UPDATE audit_entries SET changed_fields = '{forged}' WHERE sequence = $1", [
        sequence,
      ]);
    } finally {
      await t.db.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
    }
  };
  const edit = (alliance: BuiltAlliance, token: string, n: number) =>
    t.gql(
      'mutation($id: ID!, $i: UpdateAllianceInput!) { updateAlliance(id: $id, input: $i) { id } }',
      { id: alliance.allianceId, i: { description: `edit ${n}` } },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_CHECKPOINT_INTERVAL: String(EVERY) });
    admin = await t.adminToken();
    a = await anAlliance(t, {
      partners: { city: {} },
      users: { aa: { org: 'city', roles: ['ALLIANCE_ADMIN'] } },
    });
    b = await anAlliance(t, {
      partners: { other: {} },
      users: { bb: { org: 'other', roles: ['ALLIANCE_ADMIN'] } },
    });
    for (let i = 0; i < 3; i++) expect((await edit(a, a.users.aa.token, i)).errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it('signs a checkpoint every N entries it verified and starts the next verification from the latest', async () => {
    const first = await t.gql(VERIFY, {}, admin);
    const n = await head();
    expect(first.data.verifyAuditChain).toEqual({
      valid: true,
      entriesChecked: n,
      firstBrokenSequence: null,
      verifiedFromSequence: 0,
      lastFullVerification: null,
    });
    const checkpoints = (
      await t.db.query('SELECT sequence::int, signature FROM audit_checkpoints ORDER BY 1')
    ).rows;
    expect(checkpoints.map((c) => c.sequence)).toEqual(
      Array.from({ length: Math.floor(n / EVERY) }, (_, i) => (i + 1) * EVERY),
    );
    expect(checkpoints.every((c) => /^[0-9a-f]{64}$/.test(c.signature))).toBe(true);
    // Checkpoints are append-only, like the entries.
    await expect(t.db.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/append-only/);
    await expect(t.db.query("UPDATE audit_checkpoints SET signature = 'x'")).rejects.toThrow(/append-only/);

    for (let i = 3; i < 6; i++) await edit(a, a.users.aa.token, i);
    const second = await t.gql(VERIFY, {}, admin);
    expect(second.data.verifyAuditChain).toMatchObject({
      valid: true,
      entriesChecked: await head(),
      verifiedFromSequence: Math.floor(n / EVERY) * EVERY,
    });
  });

  it('an ALLIANCE_ADMIN learns whether the chain is intact and their own alliance’s figures only', async () => {
    const mine = Number(
      (await t.db.query('SELECT count(*) FROM audit_entries WHERE alliance_id = $1', [a.allianceId])).rows[0]
        .count,
    );
    const res = await t.gql(VERIFY, {}, a.users.aa.token);
    expect(res.data.verifyAuditChain).toEqual({
      valid: true,
      entriesChecked: mine,
      firstBrokenSequence: null,
      verifiedFromSequence: 0,
      lastFullVerification: null,
    });
    expect(mine).toBeLessThan(await head());
  });

  it('finds tampering after the latest checkpoint at once, and behind it in the next full run', async () => {
    await t.gql(VERIFY, {}, admin); // signs up to the head
    const checkpoint = Number(
      (await t.db.query('SELECT max(sequence) AS s FROM audit_checkpoints')).rows[0].s,
    );
    for (let i = 6; i < 6 + EVERY; i++) await edit(b, b.users.bb.token, i);
    const recent = (await head()) - 1; // an entry of alliance b, after the checkpoint
    await tamper(recent);
    expect((await t.gql(VERIFY, {}, admin)).data.verifyAuditChain).toMatchObject({
      valid: false,
      entriesChecked: recent,
      firstBrokenSequence: recent,
      verifiedFromSequence: checkpoint,
    });
    // Alliance a's administrator learns that the chain is broken, not where (it is b's entry).
    expect((await t.gql(VERIFY, {}, a.users.aa.token)).data.verifyAuditChain).toMatchObject({
      valid: false,
      firstBrokenSequence: null,
    });
    expect((await t.gql(VERIFY, {}, b.users.bb.token)).data.verifyAuditChain).toMatchObject({
      valid: false,
      firstBrokenSequence: recent,
    });

    // History behind the checkpoint: the bounded check does not recompute it; the full run does.
    const old = 3;
    await tamper(old);
    expect((await t.gql(VERIFY, {}, admin)).data.verifyAuditChain.firstBrokenSequence).toBe(recent);
    const verification = t.app.get(AuditVerificationService);
    const runs = await Promise.all([verification.runFullOnce(), verification.runFullOnce()]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1); // once across instances
    expect(await verification.runFullOnce()).toBeNull(); // and not again within the interval
    expect(Number((await t.db.query('SELECT count(*) FROM audit_verifications')).rows[0].count)).toBe(1);
    const after = (await t.gql(VERIFY, {}, admin)).data.verifyAuditChain;
    expect(after.lastFullVerification).toMatchObject({
      valid: false,
      entriesChecked: old,
      firstBrokenSequence: old,
    });
    expect(new Date(after.lastFullVerification.finishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const forA = (await t.gql(VERIFY, {}, a.users.aa.token)).data.verifyAuditChain.lastFullVerification;
    expect(forA).toMatchObject({ valid: false, entriesChecked: null, firstBrokenSequence: null });
  });

  it('a checkpoint whose entry or signature does not match is not trusted: verification starts over', async () => {
    const n = await head();
    await t.db.query(
      "INSERT INTO audit_checkpoints (sequence, entry_hash, signature) VALUES ($1, 'x', 'forged')",
      [n],
    );
    expect((await t.gql(VERIFY, {}, admin)).data.verifyAuditChain).toMatchObject({
      valid: false,
      verifiedFromSequence: 0,
      firstBrokenSequence: 3,
    });
  });

  it('others may not verify', async () => {
    const coord = await anAlliance(t, {
      partners: { p: {} },
      users: { c: { org: 'p', roles: ['COORDINATOR'] } },
    });
    expect(codes(await t.gql(VERIFY, {}, coord.users.c.token))).toEqual(['FORBIDDEN']);
  });
});

describe('auditLog.totalCount: counted only when selected, and at most 10000', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    // A large log without running 10,000 mutations: rows inserted directly (their chain is not the point here).
    await t.db.query(
      `INSERT INTO audit_entries (sequence, at, action, entity_type, entity_id, changed_fields, hash)
       SELECT 1000 + g, now(), 'bulk', 'Bulk', gen_random_uuid(), '{}', md5(g::text) FROM generate_series(1, 10050) g`,
    );
  });
  afterAll(() => t.close());

  it('does not count when totalCount is not asked for', async () => {
    const PAGE = '{ auditLog(first: 50) { edges { node { sequence } } pageInfo { hasNextPage } } }';
    const COUNTED =
      '{ auditLog(first: 50) { totalCount edges { node { sequence } } pageInfo { hasNextPage } } }';
    await t.gql(PAGE, {}, admin); // warm-up
    const page = await t.gql(PAGE, {}, admin);
    const counted = await t.gql(COUNTED, {}, admin);
    expect(page.data.auditLog.edges).toHaveLength(50);
    expect(counted.statements).toBe(page.statements + 1);
    const fragment = await t.gql(
      '{ auditLog(first: 1) { ...F } } fragment F on AuditConnection { totalCount }',
      {},
      admin,
    );
    expect(fragment.data.auditLog.totalCount).toBe(10000);
  });

  it('answers the exact number up to 10000 and 10000 beyond', async () => {
    const all = await t.gql('{ auditLog(first: 1) { totalCount pageInfo { hasNextPage } } }', {}, admin);
    expect(all.data.auditLog).toEqual({ totalCount: 10000, pageInfo: { hasNextPage: true } });
    const few = await t.gql('{ auditLog(entityType: "User", first: 1) { totalCount } }', {}, admin);
    expect(few.data.auditLog.totalCount).toBe(
      Number(
        (await t.db.query("SELECT count(*) FROM audit_entries WHERE entity_type = 'User'")).rows[0].count,
      ),
    );
  });
});
