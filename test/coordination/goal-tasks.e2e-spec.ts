import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aCoordinationAlliance, createGoal, createTask } from './helpers.js';

const TREE = `query($id: ID!) { alliance(id: $id) { goals { id tasks(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title } } } } } }`;

describe('Goal.tasks over a list of goals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** An alliance with `goals` goals; goal i gets i tasks (0, 1, 2, …). */
  async function allianceWithGoals(goals: number) {
    const a = await aCoordinationAlliance(t);
    const expected = new Map<string, string[]>();
    for (let i = 0; i < goals; i++) {
      const goal = await createGoal(t, a.users.coord.token, { allianceId: a.allianceId, title: `Ziel ${i}` });
      const titles: string[] = [];
      for (let k = 0; k < i; k++) {
        const title = `Aufgabe ${i}.${k}`;
        await createTask(t, a.users.coord.token, {
          allianceId: a.allianceId,
          goalId: goal.id,
          title,
          leadPartnerId: a.partners.city,
        });
        titles.push(title);
      }
      expected.set(goal.id, titles);
    }
    return { a, expected };
  }

  it('gives each goal its own first page, oldest first, with its exact count, and the cursor continues it', async () => {
    const { a, expected } = await allianceWithGoals(4);
    const res = await t.gql(TREE, { id: a.allianceId }, a.users.member.token);
    expect(res.errors).toBeUndefined();
    for (const g of res.data.alliance.goals) {
      const titles = expected.get(g.id)!;
      expect(g.tasks.totalCount).toBe(titles.length);
      expect(g.tasks.edges.map((e: any) => e.node.title)).toEqual(titles.slice(0, 2));
      expect(g.tasks.pageInfo.hasNextPage).toBe(titles.length > 2);
      if (g.tasks.pageInfo.hasNextPage) {
        const next = await t.gql(
          'query($id: ID!, $after: String) { goal(id: $id) { tasks(first: 2, after: $after) { edges { node { title } } } } }',
          { id: g.id, after: g.tasks.pageInfo.endCursor },
          a.users.member.token,
        );
        expect(next.data.goal.tasks.edges.map((e: any) => e.node.title)).toEqual(titles.slice(2, 4));
      }
    }
  });

  it('costs the same number of SQL statements for 2 and for 8 goals', async () => {
    const small = await allianceWithGoals(2);
    const large = await allianceWithGoals(8);
    const s = await t.gql(TREE, { id: small.a.allianceId }, small.a.users.member.token);
    const l = await t.gql(TREE, { id: large.a.allianceId }, large.a.users.member.token);
    expect(l.data.alliance.goals).toHaveLength(8);
    console.info(
      `alliance { goals { tasks } }: ${s.statements} statements for 2 goals, ${l.statements} for 8`,
    );
    expect(l.statements).toBe(s.statements);
  });
});
