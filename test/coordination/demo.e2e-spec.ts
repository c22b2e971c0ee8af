import { DemoSeederService } from '../../apps/api/src/demo/demo-seeder.service.js';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('coordination demo data (Krefeld)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const ids = await t.app.get(DemoSeederService).seedIfAbsent(false);
    expect(ids).not.toBeNull();
  });
  afterAll(() => t.close());

  it('has goals from the press report with indicators, tasks across partners in every state, and dependencies', async () => {
    const token = await t.login('beobachtung@demo.local', DEMO_PASSWORD);
    const { data, errors } = await t.gql(
      `{ alliances { id goals { title status parent { title } ownerPartners { organisation { shortName } } taskProgress indicators { name current baseline target measurements { recordedBy { email } } } } } }`,
      {},
      token,
    );
    expect(errors).toBeUndefined();
    const goals = data.alliances[0].goals;
    expect(goals.map((g: any) => g.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Fachkräftebedarf/),
        expect.stringMatching(/Unternehmerschaft/),
      ]),
    );
    const main = goals.find((g: any) => /Fachkräftebedarf/.test(g.title));
    expect(main.indicators.find((i: any) => /Beschäftigung/.test(i.name))).toMatchObject({
      name: expect.stringMatching(/Beschäftigung/),
      baseline: 0,
      target: 120,
      current: 34,
    });
    expect(goals.some((g: any) => g.parent?.title === main.title)).toBe(true);

    const board = await t.gql(
      `query($a: ID!) { tasks(allianceId: $a, first: 100) { totalCount edges { node { status leadPartner { organisation { shortName } } blockedBy { title } comments { body } } } } }`,
      { a: data.alliances[0].id },
      token,
    );
    const nodes = board.data.tasks.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(
      new Set(['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED']),
    );
    expect(new Set(nodes.map((n: any) => n.leadPartner.organisation.shortName)).size).toBeGreaterThanOrEqual(
      5,
    );
    expect(nodes.filter((n: any) => n.blockedBy.length).length).toBeGreaterThanOrEqual(2);
    const overdue = await t.gql(
      'query($a: ID!) { tasks(allianceId: $a, filter: { overdue: true }) { totalCount } }',
      { a: data.alliances[0].id },
      token,
    );
    expect(overdue.data.tasks.totalCount).toBeGreaterThanOrEqual(2);
    const search = await t.gql(
      'query($a: ID!) { tasks(allianceId: $a, filter: { search: "Sprachkurs" }) { totalCount } }',
      { a: data.alliances[0].id },
      token,
    );
    expect(search.data.tasks.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('tells the partners of the demo tasks by the name of their organisation', async () => {
    // The demo's organisations are created in the same transaction as its tasks.
    const { rows } = await t.db.query(
      `SELECT params->>'organisationName' AS name FROM notifications WHERE kind = 'TASK_PARTNER_ADDED'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r: { name: string | null }) => !r.name)).toEqual([]);
  });
});
