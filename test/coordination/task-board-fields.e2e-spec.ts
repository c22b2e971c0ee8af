import { startTestApp, type TestApp } from '../utils/test-app.js';
import { expectData } from '../utils/builders.js';
import { aCoordinationAlliance, createGoal, createTask } from './helpers.js';

/**
 * The board's statement builds only the sub-fields a query selects; a selection it cannot build
 * (a user field outside identity's published view) falls back to the loaders with the same answer.
 */
describe('task board: only the selected sub-fields', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof aCoordinationAlliance>>;

  beforeAll(async () => {
    t = await startTestApp();
    a = await aCoordinationAlliance(t);
    const goal = await createGoal(t, a.users.coord.token, { allianceId: a.allianceId, title: 'Ziel' });
    let previous: string | null = null;
    for (let i = 0; i < 6; i++) {
      const task = await createTask(t, a.users.coord.token, {
        allianceId: a.allianceId,
        title: `Aufgabe ${i}`,
        leadPartnerId: i % 2 ? a.partners.jc : a.partners.agency,
        contributingPartnerIds: [a.partners.city],
        assigneeId: i % 2 ? a.users.member.id : null,
        goalId: i % 3 ? goal.id : null,
        dueOn: `2027-01-1${i}`,
      });
      if (previous)
        await expectData(
          t,
          'mutation($t: ID!, $b: ID!) { addTaskDependency(taskId: $t, blockedById: $b) { id } }',
          { t: task.id, b: previous },
          a.users.coord.token,
        );
      await expectData(
        t,
        'mutation($t: ID!, $b: String!) { commentOnTask(taskId: $t, body: $b) { id } }',
        { t: task.id, b: `Stand ${i}` },
        a.users.coord.token,
      );
      previous = task.id;
    }
  }, 300_000);

  afterAll(() => t.close());

  const board = (node: string, fragments = '') =>
    t.gql(
      `query($a: ID!) { tasks(allianceId: $a, first: 10, orderBy: DUE_ON) { edges { node { ${node} } } } } ${fragments}`,
      { a: a.allianceId },
      a.users.member.token,
    );

  /** The same nodes through the single-task query, whose relations resolve through the loaders. */
  async function loaded(ids: string[], node: string, fragments = '') {
    const res = await t.gql(
      `query(${ids.map((_, i) => `$t${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `t${i}: task(id: $t${i}) { ${node} }`).join('\n')} } ${fragments}`,
      Object.fromEntries(ids.map((id, i) => [`t${i}`, id])),
      a.users.member.token,
    );
    expect(res.errors).toBeUndefined();
    return ids.map((_, i) => res.data[`t${i}`]);
  }

  it('selects no column the query did not ask for', async () => {
    const res = await board(
      'id assignee { displayName } comments { body author { displayName } } blockedBy { title } goal { title }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBe(2);
    const page = res.sql.find((q) => q.includes('json_build_object'))!;
    expect(page).toBeDefined();
    for (const unasked of [
      'email',
      'platform_admin',
      'to_char',
      'b.description',
      'g.description',
      'c.created_at)',
    ])
      expect(page).not.toContain(unasked);
    const nodes = res.data.tasks.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(6);
    expect(nodes.map((n: any) => n.comments[0].author.displayName)).toEqual(
      nodes.map(() => expect.any(String)),
    );
  });

  it('answers as the loaders do with aliases, fragments, __typename and timestamps', async () => {
    const node = `id __typename ...T
      lead: leadPartner { __typename id organisation { n: name kind } }
      contributingPartners { joinedOn organisation { id shortName legalDomains } alliance { id } }
      assignee { ...U organisation { id } }
      blockedBy { id createdAt updatedAt completedAt version priority leadPartner { id } }
      comments { id createdAt author { ...U } }`;
    const fragments = `fragment T on Task { goal { title dueOn parent { id } } }
      fragment U on User { id displayName email platformAdmin }`;
    const res = await board(node, fragments);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.tasks.edges.map((e: any) => e.node);
    expect(nodes).toEqual(
      await loaded(
        nodes.map((n: any) => n.id),
        node,
        fragments,
      ),
    );
    expect(nodes[1].comments[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('a sub-field outside the published views resolves through the loader, with the same answer', async () => {
    const node =
      'id assignee { id language deactivatedAt } comments { body author { displayName totpEnabledAt } }';
    const res = await board(node);
    expect(res.errors).toBeUndefined();
    // The page, plus one user statement for both relations (one DataLoader batch): within the bound of 3.
    expect(res.statements).toBeLessThanOrEqual(3);
    const nodes = res.data.tasks.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.assignee).map((n: any) => n.assignee.language)).toEqual([
      'de',
      'de',
      'de',
    ]);
    expect(nodes).toEqual(
      await loaded(
        nodes.map((n: any) => n.id),
        node,
      ),
    );
  });
});
