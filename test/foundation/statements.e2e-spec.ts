import { DataSource } from 'typeorm';
import { anAlliance, type PartnerSpec, type UserSpec } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const QUERY = `query($id: ID!) { alliance(id: $id) {
  id name
  partners { id status organisation { id name kind } alliance { id } }
  members { roles user { id displayName organisation { id name } memberships { alliance { id } } } alliance { id } }
} }`;

describe('statement counts do not grow with list sizes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function allianceOf(size: number) {
    const partners: Record<string, PartnerSpec> = {};
    const users: Record<string, UserSpec> = {};
    for (let i = 0; i < size; i++) {
      partners[`p${i}`] = { status: i % 3 ? 'ACTIVE' : 'PROSPECTIVE' };
      users[`u${i}`] = { org: `p${i}`, roles: [i === 0 ? 'ALLIANCE_ADMIN' : 'MEMBER'] };
    }
    return anAlliance(t, { partners, users });
  }

  it('alliance { partners { organisation } members { user { organisation } } } costs the same for 3 and 30 partners', async () => {
    const small = await allianceOf(3);
    const large = await allianceOf(30);
    const count = async (a: Awaited<ReturnType<typeof allianceOf>>, size: number) => {
      const res = await t.gql(QUERY, { id: a.allianceId }, a.users.u1.token);
      expect(res.errors).toBeUndefined();
      expect(res.data.alliance.partners).toHaveLength(size);
      expect(res.data.alliance.members).toHaveLength(size);
      expect(res.data.alliance.members.every((m: any) => m.user.organisation.name.startsWith('Org '))).toBe(
        true,
      );
      return res.statements;
    };
    const three = await count(small, 3);
    const thirty = await count(large, 30);
    console.info(`alliance with partners and members: ${three} statements for 3 partners, ${thirty} for 30`);
    expect(thirty).toBe(three);
    // Token check, alliance, partners, memberships, organisations, users, the users' memberships, organisations of users.
    expect(three).toBeLessThanOrEqual(8);

    // The alliance page's query as the requirements state it.
    const exact =
      'query($id: ID!) { alliance(id: $id) { partners { organisation { name } } members { user { organisation { name } } } } }';
    const e3 = await t.gql(exact, { id: small.allianceId }, small.users.u1.token);
    const e30 = await t.gql(exact, { id: large.allianceId }, large.users.u1.token);
    expect(e30.data.alliance.members).toHaveLength(30);
    console.info(`alliance page query: ${e3.statements} statements for 3 partners, ${e30.statements} for 30`);
    expect(e30.statements).toBe(e3.statements);
    expect(e3.statements).toBeLessThanOrEqual(7);
  });

  it('alliances with partners and members cost the same for 1 and for 4 alliances', async () => {
    const admin = await t.adminToken();
    const q = '{ alliances { id partners { organisation { id } } members { user { id } } } }';
    const before = await t.gql(q, {}, admin);
    expect(before.errors).toBeUndefined();
    await allianceOf(2);
    await allianceOf(2);
    const after = await t.gql(q, {}, admin);
    expect(after.data.alliances.length).toBe(before.data.alliances.length + 2);
    expect(after.statements).toBe(before.statements);
  });

  it('counts the statements of one request, not those of work running beside it (a sweep, a subscriber)', async () => {
    const admin = await t.adminToken();
    const q = '{ alliances { id partners { organisation { id } } } }';
    const alone = await t.gql(q, {}, admin);
    expect(alone.errors).toBeUndefined();
    // Statements through the app's own connection pool, for as long as the request runs.
    const dataSource = t.app.get(DataSource);
    let running = true;
    let beside = 0;
    const background = (async () => {
      while (running) {
        await dataSource.query('SELECT 1');
        beside++;
      }
    })();
    const during = await t.gql(q, {}, admin).finally(() => (running = false));
    await background;
    expect(beside).toBeGreaterThan(0);
    expect(during.statements).toBe(alone.statements);
    expect(during.sql).toEqual(alone.sql);
  });
});
