import { aMember, anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const CREATE = 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }';

/** Notifying costs the same whatever the number of recipients (one multi-row insert each). */
describe('notifications: statements of a change do not grow with its recipients', () => {
  let t: TestApp;
  let small: BuiltAlliance;
  let large: BuiltAlliance;
  const spec = {
    partners: { lead: {}, other: {} },
    users: { coord: { org: 'other', roles: ['COORDINATOR'] }, m: { org: 'lead', roles: ['MEMBER'] } },
  };

  beforeAll(async () => {
    t = await startTestApp();
    small = await anAlliance(t, spec);
    large = await anAlliance(t, spec);
    for (let i = 0; i < 24; i++) await aMember(t, large.allianceId, large.orgs.lead, ['MEMBER']);
  });
  afterAll(() => t.close());

  it('createTask notifies 1 or 25 members of the lead organisation with the same number of statements', async () => {
    const statements = async (a: BuiltAlliance) => {
      const res = await t.gql(
        CREATE,
        { i: { allianceId: a.allianceId, title: 'Zählen', leadPartnerId: a.partners.lead } },
        a.users.coord.token,
      );
      expect(res.errors).toBeUndefined();
      return res.statements;
    };
    // Warm-up of each (first statements of a connection can differ).
    await statements(small);
    await statements(large);
    const one = await statements(small);
    const many = await statements(large);
    const told = await t.db.query(
      `SELECT alliance_id, count(*)::int AS n FROM notifications WHERE kind = 'TASK_PARTNER_ADDED' GROUP BY alliance_id`,
    );
    const byAlliance = Object.fromEntries(told.rows.map((r) => [r.alliance_id, r.n]));
    expect(byAlliance[small.allianceId]).toBe(2);
    expect(byAlliance[large.allianceId]).toBe(50);
    console.info(`createTask statements: ${one} notifying 1 member, ${many} notifying 25`);
    expect(many).toBe(one);
  });
});
