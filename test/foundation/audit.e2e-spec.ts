import { randomUUID } from 'node:crypto';
import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { ADMIN, codes, startTestApp, type TestApp } from '../utils/test-app.js';

const LOG = `query($a: ID, $t: String, $e: ID, $f: Int, $after: String) {
  auditLog(allianceId: $a, entityType: $t, entityId: $e, first: $f, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id sequence at actor { id } action entityType entityId allianceId changedFields hash previousHash } }
  }
}`;

describe('audit trail: appended by every mutation, hash-chained, append-only, visible to administrators', () => {
  let t: TestApp;
  let admin: string;
  let a: BuiltAlliance;
  let b: BuiltAlliance;

  const rows = async (where = 'true', params: unknown[] = []) =>
    (
      await t.db.query(
        `SELECT sequence::int, actor_id, action, entity_type, entity_id, alliance_id, changed_fields FROM audit_entries WHERE ${where} ORDER BY sequence`,
        params,
      )
    ).rows;
  const last = async () => (await rows()).at(-1)!;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    a = await anAlliance(t, {
      partners: { city: {}, jc: {} },
      users: {
        aa: { org: 'city', roles: ['ALLIANCE_ADMIN'] },
        coord: { org: 'city', roles: ['COORDINATOR'] },
        mem: { org: 'jc', roles: ['MEMBER'] },
      },
    });
    b = await anAlliance(t, {
      partners: { other: {} },
      users: { badmin: { org: 'other', roles: ['ALLIANCE_ADMIN'] } },
    });
  });
  afterAll(() => t.close());

  it('every identity and alliance mutation appends one entry naming action, entity and changed fields (names only)', async () => {
    const adminId = (await t.gql('{ me { id } }', {}, admin)).data.me.id;
    const expectEntry = async (fn: () => Promise<any>, entry: Record<string, unknown>) => {
      const before = (await rows()).length;
      const res = await fn();
      expect(res.errors).toBeUndefined();
      const after = await rows();
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)).toMatchObject(entry);
      return res.data;
    };
    const alliance = await expectEntry(
      () =>
        t.gql(
          'mutation { createAlliance(input: { name: "Audit-Bündnis", municipality: "Krefeld" }) { id } }',
          {},
          admin,
        ),
      {
        action: 'createAlliance',
        entity_type: 'Alliance',
        actor_id: adminId,
        changed_fields: ['municipality', 'name'],
      },
    );
    const allianceId = alliance.createAlliance.id;
    expect((await last()).entity_id).toBe(allianceId);
    expect((await last()).alliance_id).toBe(allianceId);
    await expectEntry(
      () =>
        t.gql(
          'mutation($id: ID!) { updateAlliance(id: $id, input: { quorumShare: 0.6, description: null }) { id } }',
          { id: allianceId },
          admin,
        ),
      {
        action: 'updateAlliance',
        entity_type: 'Alliance',
        entity_id: allianceId,
        alliance_id: allianceId,
        changed_fields: ['description', 'quorumShare'],
      },
    );
    const org = await expectEntry(
      () =>
        t.gql(
          'mutation { createOrganisation(input: { name: "Audit-Verein", kind: OTHER, shortName: "AV" }) { id } }',
          {},
          admin,
        ),
      {
        action: 'createOrganisation',
        entity_type: 'Organisation',
        alliance_id: null,
        changed_fields: ['kind', 'name', 'shortName'],
      },
    );
    const orgId = org.createOrganisation.id;
    const partner = await expectEntry(
      () =>
        t.gql(
          'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
          { i: { allianceId, organisationId: orgId, status: 'PROSPECTIVE' } },
          admin,
        ),
      { action: 'addPartner', entity_type: 'Partner', alliance_id: allianceId },
    );
    await expectEntry(
      () =>
        t.gql(
          'mutation($id: ID!) { updatePartner(id: $id, input: { status: ACTIVE }) { id } }',
          { id: partner.addPartner.id },
          admin,
        ),
      {
        action: 'updatePartner',
        entity_type: 'Partner',
        entity_id: partner.addPartner.id,
        alliance_id: allianceId,
        changed_fields: ['joinedOn', 'status'],
      },
    );
    const secretName = 'Erika Mustermann-Audit';
    const user = await expectEntry(
      () =>
        t.gql(
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
          {
            i: {
              email: 'erika.audit@test.local',
              displayName: secretName,
              organisationId: orgId,
              password: PASSWORD,
            },
          },
          admin,
        ),
      {
        action: 'createUser',
        entity_type: 'User',
        changed_fields: ['displayName', 'email', 'organisationId', 'password'],
      },
    );
    const membership = await expectEntry(
      () =>
        t.gql(
          'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
          { i: { allianceId, userId: user.createUser.id, roles: ['MEMBER'] } },
          admin,
        ),
      {
        action: 'setMembership',
        entity_type: 'Membership',
        alliance_id: allianceId,
        changed_fields: ['roles'],
      },
    );
    await expectEntry(
      () =>
        t.gql(
          'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
          { i: { allianceId, userId: user.createUser.id, roles: [] } },
          admin,
        ),
      {
        action: 'setMembership',
        entity_type: 'Membership',
        entity_id: membership.setMembership.id,
        changed_fields: ['roles'],
      },
    );
    const session = await expectEntry(
      () =>
        t.gql(
          'mutation { login(email: "erika.audit@test.local", password: "test-password-1234") { refreshToken } }',
        ),
      { action: 'login', entity_type: 'Session', actor_id: user.createUser.id },
    );
    const refreshed = await expectEntry(
      () =>
        t.gql('mutation($r: String!) { refreshSession(refreshToken: $r) { refreshToken } }', {
          r: session.login.refreshToken,
        }),
      { action: 'refreshSession', entity_type: 'Session', actor_id: user.createUser.id },
    );
    await expectEntry(
      () =>
        t.gql('mutation($r: String!) { logout(refreshToken: $r) }', {
          r: refreshed.refreshSession.refreshToken,
        }),
      {
        action: 'logout',
        entity_type: 'Session',
        actor_id: user.createUser.id,
        changed_fields: ['revokedAt'],
      },
    );
    // Values never enter the audit log: no name, e-mail, password or token.
    const everything = JSON.stringify((await t.db.query('SELECT * FROM audit_entries')).rows);
    for (const value of [
      secretName,
      'erika.audit',
      PASSWORD,
      ADMIN.password,
      session.login.refreshToken,
      'Audit-Verein',
    ])
      expect(everything).not.toContain(value);
  });

  it('a refused mutation appends nothing', async () => {
    const before = (await rows()).length;
    await t.gql(
      'mutation($id: ID!) { updateAlliance(id: $id, input: { quorumShare: 0.3 }) { id } }',
      { id: a.allianceId },
      a.users.coord.token,
    );
    await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email: 'x@test.local', displayName: 'X', organisationId: a.orgs.city, password: 'short' } },
      admin,
    );
    expect((await rows()).length).toBe(before);
  });

  it('appends strictly in sequence under 20 concurrent mutations, and the chain verifies', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? t.gql(
              'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
              { i: { name: `Parallel ${i} ${randomUUID()}`, kind: 'OTHER' } },
              admin,
            )
          : t.gql(
              'mutation($id: ID!, $i: UpdateAllianceInput!) { updateAlliance(id: $id, input: $i) { id } }',
              { id: a.allianceId, i: { description: `parallel ${i}` } },
              a.users.aa.token,
            ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const sequences = (await rows()).map((r) => r.sequence);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    const chain = (
      await t.db.query('SELECT sequence::int, hash, previous_hash FROM audit_entries ORDER BY sequence')
    ).rows;
    for (let i = 1; i < chain.length; i++) expect(chain[i].previous_hash).toBe(chain[i - 1].hash);
    expect(chain[0].previous_hash).toBeNull();
    const verify = await t.gql(
      '{ verifyAuditChain { valid entriesChecked firstBrokenSequence } }',
      {},
      admin,
    );
    expect(verify.data.verifyAuditChain).toEqual({
      valid: true,
      entriesChecked: chain.length,
      firstBrokenSequence: null,
    });
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE, even for the database owner', async () => {
    await expect(t.db.query("UPDATE audit_entries SET action = 'forged' WHERE sequence = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM audit_entries WHERE sequence = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    expect((await rows('sequence = 1'))[0].action).not.toBe('forged');
  });

  it('auditLog: the platform administrator sees all, an ALLIANCE_ADMIN their alliance only, others nothing', async () => {
    const total = (await rows()).length;
    const all = await t.gql(LOG, { f: 100 }, admin);
    expect(all.data.auditLog.totalCount).toBe(total);
    const ofA = (await rows('alliance_id = $1', [a.allianceId])).length;
    expect(ofA).toBeGreaterThan(5);
    const mine = await t.gql(LOG, { f: 100 }, a.users.aa.token);
    expect(mine.data.auditLog.totalCount).toBe(ofA);
    expect(mine.data.auditLog.edges.every((e: any) => e.node.allianceId === a.allianceId)).toBe(true);
    expect((await t.gql(LOG, { a: a.allianceId }, a.users.aa.token)).data.auditLog.totalCount).toBe(ofA);
    // Another alliance's entries: nothing, for its id or a made-up one.
    for (const id of [b.allianceId, randomUUID(), 'not-a-uuid']) {
      const other = await t.gql(LOG, { a: id }, a.users.aa.token);
      expect(other.errors).toBeUndefined();
      expect(other.data.auditLog).toMatchObject({ totalCount: 0, edges: [] });
    }
    expect(
      (await t.gql(LOG, { f: 100 }, b.users.badmin.token)).data.auditLog.edges.every(
        (e: any) => e.node.allianceId === b.allianceId,
      ),
    ).toBe(true);
    for (const token of [a.users.coord.token, a.users.mem.token]) {
      const none = await t.gql(LOG, {}, token);
      expect(none.errors).toBeUndefined();
      expect(none.data.auditLog).toMatchObject({ totalCount: 0, edges: [] });
      expect(codes(await t.gql('{ verifyAuditChain { valid } }', {}, token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(LOG, {}))).toEqual(['UNAUTHENTICATED']);
    expect(
      (await t.gql('{ verifyAuditChain { valid } }', {}, a.users.aa.token)).data.verifyAuditChain.valid,
    ).toBe(true);
  });

  it('auditLog: filters by alliance, entity type and entity, pages in ascending sequence, resolves the actor', async () => {
    const partners = await t.gql(LOG, { e: a.partners.city }, admin);
    expect(partners.data.auditLog.edges.map((e: any) => e.node.action)).toEqual(['addPartner']);
    expect(partners.data.auditLog.edges[0].node).toMatchObject({
      entityType: 'Partner',
      allianceId: a.allianceId,
      actor: { id: expect.any(String) },
    });
    const type = await t.gql(LOG, { t: 'Organisation', f: 100 }, admin);
    expect(type.data.auditLog.totalCount).toBe((await rows("entity_type = 'Organisation'")).length);
    expect(type.data.auditLog.edges.every((e: any) => e.node.entityType === 'Organisation')).toBe(true);
    expect((await t.gql(LOG, { e: 'not-a-uuid' }, admin)).data.auditLog.totalCount).toBe(0);

    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    const total = (await rows('alliance_id = $1', [a.allianceId])).length;
    do {
      const page: any = await t.gql(LOG, { a: a.allianceId, f: 4, after }, a.users.aa.token);
      expect(page.errors).toBeUndefined();
      expect(page.data.auditLog.totalCount).toBe(total);
      expect(page.data.auditLog.edges.length).toBeLessThanOrEqual(4);
      seen.push(...page.data.auditLog.edges.map((e: any) => e.node.sequence));
      after = page.data.auditLog.pageInfo.hasNextPage ? page.data.auditLog.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 50);
    expect(pages).toBe(Math.ceil(total / 4));
    expect(seen).toEqual((await rows('alliance_id = $1', [a.allianceId])).map((r) => r.sequence));
    expect(codes(await t.gql(LOG, { f: 101 }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  it('tampering with a row (trigger disabled by the owner) makes verifyAuditChain name that sequence', async () => {
    const target = Math.floor((await rows()).length / 2);
    await t.db.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
    try {
      await t.db.query("UPDATE audit_entries SET changed_fields = '{forged}' WHERE sequence = $1", [target]);
    } finally {
      await t.db.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
    }
    const verify = await t.gql(
      '{ verifyAuditChain { valid entriesChecked firstBrokenSequence } }',
      {},
      admin,
    );
    expect(verify.data.verifyAuditChain).toEqual({
      valid: false,
      entriesChecked: target,
      firstBrokenSequence: target,
    });
    // The trigger is back on.
    await expect(t.db.query('DELETE FROM audit_entries WHERE sequence = $1', [target])).rejects.toThrow(
      /append-only/,
    );
  });
});
