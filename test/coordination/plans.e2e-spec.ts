/**
 * A task list costs what the caller asks for, not the deployment's size. The deployment is
 * filled by the bench generator (bench/coordination-generate.ts): the measured alliance beside a
 * larger one standing for the rest of the state, so the measured alliance is a small share of
 * `tasks` as each of a state's alliances would be; then VACUUM (ANALYZE), as autovacuum would have
 * done, so the statistics and the visibility map are those of a settled database. Every statement of
 * each board shape is EXPLAINed exactly as it ran, with its parameters: none may scan `tasks` (or
 * its comments, partners, dependencies) sequentially, and the page must reach `tasks` by an index.
 */
import { QueryCounter } from '../../libs/core/src/index.js';
import { generateLargeAlliance, LARGE } from '../../bench/coordination-generate.js';
import { BOARD } from '../../bench/graphql-load.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const TASK_TABLES = ['tasks', 'task_comments', 'task_contributing_partners', 'task_dependencies'];
const SIZE = { ...LARGE, partners: 40, users: 400, goals: 20 };
/** The measured alliance, and the rest of the state around it (eight times as many tasks). */
const MEASURED = { ...SIZE, tasks: 5_000, comments: 10_000 };
const REST = { ...SIZE, tasks: 40_000, comments: 10_000 };

const LIST = `query($a: ID!, $f: TaskFilter, $o: TaskOrder, $after: String) {
  tasks(allianceId: $a, filter: $f, orderBy: $o, first: 50, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { id title status dueOn assignee { id } leadPartner { id } } } } }`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe('coordination: task list plans at scale', () => {
  let t: TestApp;
  let allianceId: string;
  let token: string;
  let partnerId: string;
  let assigneeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const rest = await generateLargeAlliance(t.databaseUrl, REST);
    const measured = await generateLargeAlliance(t.databaseUrl, MEASURED);
    console.info(
      `task plans: generated ${JSON.stringify(measured.counts)} beside ${JSON.stringify(rest.counts)} in ${measured.seconds + rest.seconds} s`,
    );
    await t.db.query(`VACUUM (ANALYZE) ${TASK_TABLES.join(', ')}`);
    allianceId = measured.allianceId;
    token = await t.login(measured.coordinatorEmail, measured.password);
    ({
      rows: [{ id: partnerId }],
    } = await t.db.query('SELECT id FROM partners WHERE alliance_id = $1 ORDER BY id LIMIT 1', [allianceId]));
    ({
      rows: [{ id: assigneeId }],
    } = await t.db.query(
      'SELECT assignee_id AS id FROM tasks WHERE alliance_id = $1 AND assignee_id IS NOT NULL LIMIT 1',
      [allianceId],
    ));
  }, 600_000);

  afterAll(() => t?.close());

  /** Runs the request, then EXPLAINs each of its statements that reads a task table. */
  async function plansOf(query: string, variables: Record<string, unknown>) {
    QueryCounter.reset();
    QueryCounter.recording = true;
    let res;
    try {
      res = await t.gql(query, variables, token);
    } finally {
      QueryCounter.recording = false;
    }
    expect(res.errors).toBeUndefined();
    expect(res.statements).toBeLessThanOrEqual(3);
    const plans: { query: string; nodes: PlanNode[] }[] = [];
    for (const s of QueryCounter.statements.filter(
      (q) => /^\s*(WITH|SELECT)/i.test(q.query) && /\btasks\b/.test(q.query),
    )) {
      const { rows } = await t.db.query(`EXPLAIN (FORMAT JSON) ${s.query}`, s.parameters);
      plans.push({ query: s.query, nodes: nodes(rows[0]['QUERY PLAN'][0].Plan) });
    }
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      const scans = p.nodes
        .filter((n) => n['Node Type'] === 'Seq Scan' && TASK_TABLES.includes(n['Relation Name'] ?? ''))
        .map((n) => `${n['Relation Name']} in ${p.query.replace(/\s+/g, ' ').slice(0, 160)}`);
      expect(scans).toEqual([]);
      expect(
        p.nodes.some((n) => n['Relation Name'] === 'tasks' && /Index|Bitmap Heap/.test(n['Node Type'])),
      ).toBe(true);
    }
    return { res: res as any, plans };
  }

  /** The first page and the next one (after its cursor) of a filter and order. */
  async function firstAndNext(f: Record<string, unknown>, o = 'DUE_ON') {
    const first = await plansOf(LIST, { a: allianceId, f, o });
    const page = first.res.data.tasks;
    if (page.pageInfo.hasNextPage)
      await plansOf(LIST, { a: allianceId, f, o, after: page.pageInfo.endCursor });
    return page;
  }

  it('the board as the web app asks for it (open tasks by due day, every relation, totalCount)', async () => {
    const { res } = await plansOf(BOARD, {
      a: allianceId,
      status: ['OPEN', 'IN_PROGRESS', 'BLOCKED'],
      first: 50,
    });
    expect(res.data.tasks.totalCount).toBe(3_500);
    expect(res.data.tasks.edges).toHaveLength(50);
  });

  it('unfiltered, in every order, first and later pages', async () => {
    for (const o of ['DUE_ON', 'PRIORITY', 'UPDATED_AT', undefined]) {
      const page = await firstAndNext({}, o);
      expect(page.totalCount).toBe(MEASURED.tasks);
    }
  });

  it('by partner (lead or contributing) and by assignee', async () => {
    const byPartner = await firstAndNext({ partnerId });
    expect(byPartner.totalCount).toBeGreaterThan(50);
    expect(byPartner.totalCount).toBeLessThan(MEASURED.tasks / 10);
    const byAssignee = await firstAndNext({ assigneeId });
    expect(byAssignee.totalCount).toBeGreaterThan(0);
    expect(byAssignee.edges.every((e: any) => e.node.assignee.id === assigneeId)).toBe(true);
  });

  it('search for a rare and a common word', async () => {
    const rare = await firstAndNext({ search: 'Zwischenstandxyz' });
    expect(rare.totalCount).toBe(0);
    const common = await firstAndNext({ search: 'Sprachkurs' });
    expect(common.totalCount).toBeGreaterThanOrEqual(MEASURED.tasks / 5);
    const combined = await firstAndNext({ search: 'Jobmesse', status: ['OPEN'] });
    expect(combined.totalCount).toBeGreaterThan(0);
  });
});
