import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('demo data: the Krefeld alliance with one account per role', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => t.close());

  it('seeds the alliance from the press report: city departments, Jobcenter, Agentur, welfare, VKMO active; university and employers prospective', async () => {
    const token = await t.login('koordination@demo.local', DEMO_PASSWORD);
    const res = await t.gql(
      '{ alliances { name municipality partners { status joinedOn organisation { name shortName kind } } } }',
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.alliances).toHaveLength(1);
    const [alliance] = res.data.alliances;
    expect(alliance).toMatchObject({ name: 'Bündnis NRW.integrativ Krefeld', municipality: 'Krefeld' });
    const byStatus = (s: string) =>
      alliance.partners.filter((p: any) => p.status === s).map((p: any) => p.organisation.name);
    expect(byStatus('ACTIVE')).toEqual(
      expect.arrayContaining([
        'Stadt Krefeld – Abteilung Integration',
        'Jobcenter Krefeld',
        'Agentur für Arbeit Krefeld',
        'Arbeitsgemeinschaft der Wohlfahrtsverbände Krefeld',
        'Verbund Krefelder Migrantenorganisationen',
      ]),
    );
    expect(
      byStatus('ACTIVE').filter((n: string) => n.startsWith('Stadt Krefeld')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(byStatus('PROSPECTIVE')).toEqual(
      expect.arrayContaining(['Hochschule Niederrhein', 'Unternehmensvertretung Krefeld']),
    );
    expect(
      alliance.partners
        .filter((p: any) => p.status === 'ACTIVE')
        .every((p: any) => /^\d{4}-\d{2}-\d{2}$/.test(p.joinedOn)),
    ).toBe(true);
    expect(
      alliance.partners.filter((p: any) => p.status === 'PROSPECTIVE').every((p: any) => p.joinedOn === null),
    ).toBe(true);
  });

  it('every role has a demo account, and every demo account signs in with the demo password', async () => {
    const roles = new Set<string>();
    for (const account of DEMO_ACCOUNTS) {
      const token = await t.login(account.email, DEMO_PASSWORD);
      const me = await t.gql('{ me { email platformAdmin memberships { roles } } }', {}, token);
      expect(me.data.me.email).toBe(account.email);
      expect(me.data.me.platformAdmin).toBe(!!account.platformAdmin);
      for (const m of me.data.me.memberships) for (const r of m.roles) roles.add(r);
    }
    expect([...roles].sort()).toEqual([
      'ALLIANCE_ADMIN',
      'CASE_WORKER',
      'COORDINATOR',
      'FACILITATOR',
      'MEMBER',
      'OBSERVER',
    ]);
    expect(DEMO_ACCOUNTS.every((a) => a.email.endsWith('@demo.local'))).toBe(true);
  });

  it('a second start seeds nothing, and the audit chain of the seed verifies', async () => {
    const count = async () => Number((await t.db.query('SELECT count(*) FROM alliances')).rows[0].count);
    const users = async () => Number((await t.db.query('SELECT count(*) FROM users')).rows[0].count);
    const [alliances, people] = [await count(), await users()];
    const second = await startTestApp({ DATABASE_URL: t.databaseUrl, DEMO_DATA: 'true' });
    await second.close();
    expect(await count()).toBe(alliances);
    expect(await users()).toBe(people);
    const admin = await t.login('admin@demo.local', DEMO_PASSWORD);
    const verify = await t.gql('{ verifyAuditChain { valid entriesChecked } }', {}, admin);
    expect(verify.data.verifyAuditChain.valid).toBe(true);
    expect(verify.data.verifyAuditChain.entriesChecked).toBeGreaterThanOrEqual(2);
  });
});
