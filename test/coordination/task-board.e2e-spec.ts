import { QueryCounter } from '../../libs/core/src/index.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { expectData } from '../utils/builders.js';
import { aCoordinationAlliance, createGoal, createTask } from './helpers.js';

/** Every relation of the board, with their nested fields, as a client would select them. */
const NODE = `id title status priority dueOn completedAt createdAt updatedAt version description
  leadPartner { id status joinedOn leftOn alliance { id } organisation { id name shortName kind legalDomains } }
  contributingPartners { id status organisation { name shortName } }
  assignee { id displayName email platformAdmin organisation { id } }
  goal { id title status dueOn startsOn description parent { id } }
  blockedBy { id title status createdAt leadPartner { id } }
  blocking { id title }
  comments { id body createdAt author { id displayName } }
  viewerCan { update changeStatus comment addDependency }`;

/** The board of bench/coordination-board.bench.ts: the relations the web app's board shows. */
const BOARD = `id title status priority dueOn
  leadPartner { organisation { name shortName } }
  contributingPartners { organisation { name shortName } }
  assignee { displayName }
  goal { title }
  blockedBy { id title status }
  comments { body createdAt author { displayName } }
  viewerCan { update changeStatus comment addDependency }`;

describe('task board (one statement with its relations)', () => {
  let t: TestApp;
  let alliance: Awaited<ReturnType<typeof aCoordinationAlliance>>;

  beforeAll(async () => {
    t = await startTestApp();
    alliance = await aCoordinationAlliance(t);
    const a = alliance;
    const goal = await createGoal(t, a.users.coord.token, { allianceId: a.allianceId, title: 'Ziel' });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const task = await createTask(t, a.users.coord.token, {
        allianceId: a.allianceId,
        title: `Aufgabe ${i}`,
        leadPartnerId: i % 2 ? a.partners.jc : a.partners.agency,
        contributingPartnerIds: i % 3 ? [a.partners.city, i % 2 ? a.partners.agency : a.partners.jc] : [],
        assigneeId: i % 4 && i % 6 ? a.users.member.id : null,
        goalId: i % 5 ? goal.id : null,
        dueOn: i % 7 ? `2027-0${1 + (i % 9)}-1${i % 10}` : null,
      });
      ids.push(task.id);
      if (i % 6)
        await expectData(
          t,
          'mutation($t: ID!, $b: ID!) { addTaskDependency(taskId: $t, blockedById: $b) { id } }',
          { t: task.id, b: ids[i - 1] },
          a.users.coord.token,
        );
      for (let c = 0; c < i % 3; c++)
        await expectData(
          t,
          'mutation($t: ID!, $b: String!) { commentOnTask(taskId: $t, body: $b) { id } }',
          { t: task.id, b: `Stand ${c}` },
          c ? a.users.member.token : a.users.coord.token,
        );
    }
  }, 600_000);

  afterAll(() => t.close());

  it('answers what the relations load one by one answer, field for field', async () => {
    const a = alliance;
    for (const orderBy of ['DUE_ON', 'PRIORITY', 'UPDATED_AT']) {
      const board = await t.gql(
        `query($a: ID!, $o: TaskOrder) { tasks(allianceId: $a, orderBy: $o, first: 100) { totalCount edges { node { ${NODE} } } } }`,
        { a: a.allianceId, o: orderBy },
        a.users.observer.token,
      );
      expect(board.errors).toBeUndefined();
      expect(board.data.tasks.totalCount).toBe(60);
      const nodes = board.data.tasks.edges.map((e: any) => e.node);
      // The single-task query resolves every relation through the loaders of the owning contexts
      // (in batches: a document may hold at most 30 aliases).
      const loaded: any[] = [];
      for (let from = 0; from < nodes.length; from += 25) {
        const batch = nodes.slice(from, from + 25);
        const one = await t.gql(
          `query(${batch.map((_: unknown, i: number) => `$t${i}: ID!`).join(', ')}) {
            ${batch.map((_: unknown, i: number) => `t${i}: task(id: $t${i}) { ${NODE} }`).join('\n')} }`,
          Object.fromEntries(batch.map((n: any, i: number) => [`t${i}`, n.id])),
          a.users.observer.token,
        );
        expect(one.errors).toBeUndefined();
        loaded.push(...batch.map((_: unknown, i: number) => one.data[`t${i}`]));
      }
      expect(nodes).toEqual(loaded);
    }
  });

  it('costs at most 2 statements (sign-in check and the page) whatever the page size', async () => {
    const a = alliance;
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      const res = await t.gql(
        `query($a: ID!, $f: Int) { tasks(allianceId: $a, first: $f, orderBy: DUE_ON) { totalCount edges { node { ${BOARD} } } } }`,
        { a: a.allianceId, f: first },
        a.users.member.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.tasks.edges).toHaveLength(Math.min(first, 60));
      counts.push(res.statements);
    }
    console.log(`task board statements for first 5, 50, 100: ${counts.join(', ')}`);
    expect(counts).toEqual([2, 2, 2]);
  });

  it('later pages, by assignee and by partner: same statement bound, rows as the filter says', async () => {
    const a = alliance;
    const page = (vars: Record<string, unknown>) =>
      t.gql(
        `query($a: ID!, $f: TaskFilter, $after: String) { tasks(allianceId: $a, filter: $f, first: 7, orderBy: DUE_ON, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id assignee { id } leadPartner { id } contributingPartners { id } } } } }`,
        { a: a.allianceId, ...vars },
        a.users.member.token,
      );
    for (const filter of [{}, { assigneeId: a.users.member.id }, { partnerId: a.partners.city }]) {
      const seen: string[] = [];
      let after: string | null = null;
      let total: number;
      do {
        const res: any = await page({ f: filter, after });
        expect(res.errors).toBeUndefined();
        expect(res.statements).toBe(2);
        total = res.data.tasks.totalCount;
        for (const { node } of res.data.tasks.edges) {
          seen.push(node.id);
          if ('assigneeId' in filter) expect(node.assignee.id).toBe(a.users.member.id);
          if ('partnerId' in filter)
            expect([node.leadPartner.id, ...node.contributingPartners.map((p: any) => p.id)]).toContain(
              a.partners.city,
            );
        }
        after = res.data.tasks.pageInfo.hasNextPage ? res.data.tasks.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
    }
  });

  it('counts only when totalCount is selected', async () => {
    const a = alliance;
    const board = (fields: string) =>
      t.gql(
        `query($a: ID!) { tasks(allianceId: $a, first: 3) { ${fields} } }`,
        { a: a.allianceId },
        a.users.member.token,
      );
    QueryCounter.recording = true;
    try {
      QueryCounter.log = [];
      expect((await board('edges { node { id } }')).errors).toBeUndefined();
      expect(QueryCounter.log.join('\n')).not.toMatch(/count\(\*\)/);
      QueryCounter.log = [];
      expect((await board('totalCount')).data.tasks.totalCount).toBe(60);
      expect(QueryCounter.log.join('\n')).toMatch(/count\(\*\)/);
    } finally {
      QueryCounter.recording = false;
    }
  });
});
