import { codes, type TestApp } from '../utils/test-app.js';
import { aMember, type BuiltAlliance } from '../utils/builders.js';
import { aCoordinationAlliance, createGoal, createTask, updateTask, withCoordinationApp } from './helpers.js';

describe('tasks', () => {
  let t: TestApp;
  withCoordinationApp((app) => {
    t = app;
  });

  describe('pagination', () => {
    let b: BuiltAlliance;
    const all: any[] = [];
    beforeAll(async () => {
      b = await aCoordinationAlliance(t);
      const specs = [
        { priority: 'LOW', dueOn: '2030-03-01' },
        { priority: 'URGENT', dueOn: null },
        { priority: 'HIGH', dueOn: '2030-01-01' },
        { priority: 'URGENT', dueOn: '2030-01-01' },
        { priority: 'NORMAL', dueOn: '2030-02-01' },
        { priority: 'HIGH', dueOn: null },
        { priority: 'NORMAL', dueOn: '2030-01-01' },
      ];
      for (const [i, s] of specs.entries())
        all.push(
          await createTask(t, b.users.coord.token, {
            allianceId: b.allianceId,
            title: `Aufgabe ${i}`,
            leadPartnerId: b.partners.city,
            ...s,
          }),
        );
      // Touch two tasks so UPDATED_AT differs from creation order.
      await updateTask(t, b.users.coord.token, all[2].id, { expectedVersion: 1, title: 'geändert' });
      await updateTask(t, b.users.coord.token, all[0].id, { expectedVersion: 1, title: 'geändert' });
    });

    async function walk(orderBy: string | null, first: number): Promise<{ ids: string[]; totals: number[] }> {
      const ids: string[] = [];
      const totals: number[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await t.gql(
          'query($a: ID!, $o: TaskOrder, $f: Int, $c: String) { tasks(allianceId: $a, orderBy: $o, first: $f, after: $c) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
          { a: b.allianceId, o: orderBy, f: first, c: after },
          b.users.member.token,
        );
        expect(res.errors).toBeUndefined();
        ids.push(...res.data.tasks.edges.map((e: any) => e.node.id));
        totals.push(res.data.tasks.totalCount);
        if (!res.data.tasks.pageInfo.hasNextPage) return { ids, totals };
        after = res.data.tasks.pageInfo.endCursor;
      }
    }

    const byIdTie = (x: any, y: any) => (x.id < y.id ? -1 : 1);
    it('orders by the requested TaskOrder with id as tie-breaker, across pages, with an exact totalCount', async () => {
      const rank: Record<string, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
      const { rows } = await t.db.query('SELECT id, updated_at FROM tasks WHERE alliance_id = $1', [
        b.allianceId,
      ]);
      const updated = new Map(rows.map((r: any) => [r.id, r.updated_at.getTime()]));
      const expected: Record<string, string[]> = {
        DEFAULT: all.map((x) => x.id),
        DUE_ON: [...all]
          .sort((x, y) => (x.dueOn ?? '9999').localeCompare(y.dueOn ?? '9999') || byIdTie(x, y))
          .map((x) => x.id),
        PRIORITY: [...all]
          .sort((x, y) => rank[x.priority] - rank[y.priority] || byIdTie(x, y))
          .map((x) => x.id),
        UPDATED_AT: [...all]
          .sort((x, y) => updated.get(y.id)! - updated.get(x.id)! || -byIdTie(x, y))
          .map((x) => x.id),
      };
      for (const order of ['DEFAULT', 'DUE_ON', 'PRIORITY', 'UPDATED_AT']) {
        for (const first of [2, 3, 100]) {
          const { ids, totals } = await walk(order === 'DEFAULT' ? null : order, first);
          expect({ order, first, ids }).toEqual({ order, first, ids: expected[order] });
          expect(new Set(totals)).toEqual(new Set([7]));
        }
      }
      expect(expected.UPDATED_AT.slice(0, 2)).toEqual([all[0].id, all[2].id]);
    });

    it('is stable under inserts: a task created meanwhile neither repeats nor skips rows of the page walk', async () => {
      const first = await t.gql(
        'query($a: ID!) { tasks(allianceId: $a, orderBy: DUE_ON, first: 3) { pageInfo { endCursor } edges { node { id dueOn } } } }',
        { a: b.allianceId },
        b.users.coord.token,
      );
      const seen = first.data.tasks.edges.map((e: any) => e.node.id);
      // Sorts before the cursor: must not shift the next page.
      const early = await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'früh',
        leadPartnerId: b.partners.city,
        dueOn: '2029-01-01',
      });
      const rest = await t.gql(
        'query($a: ID!, $c: String) { tasks(allianceId: $a, orderBy: DUE_ON, first: 100, after: $c) { totalCount edges { node { id } } } }',
        { a: b.allianceId, c: first.data.tasks.pageInfo.endCursor },
        b.users.coord.token,
      );
      const restIds = rest.data.tasks.edges.map((e: any) => e.node.id);
      expect(restIds).not.toContain(early.id);
      expect([...seen, ...restIds].sort()).toEqual(all.map((x) => x.id).sort());
      expect(rest.data.tasks.totalCount).toBe(8);
    });

    it('refuses first above 100, a malformed cursor, and a cursor of another order', async () => {
      const over = await t.gql(
        'query($a: ID!) { tasks(allianceId: $a, first: 101) { totalCount } }',
        { a: b.allianceId },
        b.users.coord.token,
      );
      expect(over.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'first', message: expect.any(String) }],
      });
      const bad = await t.gql(
        'query($a: ID!) { tasks(allianceId: $a, after: "garbage") { totalCount } }',
        { a: b.allianceId },
        b.users.coord.token,
      );
      expect(bad.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'after', message: expect.any(String), rule: 'INVALID_CURSOR' }],
      });
      const page = await t.gql(
        'query($a: ID!) { tasks(allianceId: $a, orderBy: PRIORITY, first: 1) { pageInfo { endCursor } } }',
        { a: b.allianceId },
        b.users.coord.token,
      );
      const mixed = await t.gql(
        'query($a: ID!, $c: String) { tasks(allianceId: $a, orderBy: DUE_ON, after: $c) { totalCount } }',
        { a: b.allianceId, c: page.data.tasks.pageInfo.endCursor },
        b.users.coord.token,
      );
      expect(codes(mixed)).toEqual(['BAD_USER_INPUT']);
    });

    it('uses the keyset indexes, never OFFSET', async () => {
      const { rows } = await t.db.query(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'tasks' ORDER BY indexname",
      );
      expect(rows.map((r: any) => r.indexname)).toEqual(
        expect.arrayContaining([
          'tasks_alliance_created_idx',
          'tasks_alliance_due_idx',
          'tasks_alliance_priority_idx',
          'tasks_alliance_updated_idx',
        ]),
      );
    });
  });

  describe('statements', () => {
    it('the task board costs the same number of SQL statements for 5 and for 50 tasks', async () => {
      const board = `query($a: ID!) { tasks(allianceId: $a, first: 50) { edges { node { leadPartner { organisation { name } } contributingPartners { organisation { name } }
        assignee { displayName } goal { title } blockedBy { title } comments { author { displayName } } } } totalCount } }`;
      const counts: number[] = [];
      for (const n of [5, 50]) {
        const b = await aCoordinationAlliance(t);
        const extra = await aMember(t, b.allianceId, b.orgs.agency, ['MEMBER']);
        const goal = await createGoal(t, b.users.coord.token, { allianceId: b.allianceId, title: 'Ziel' });
        const ids: string[] = [];
        for (let i = 0; i < n; i++) {
          const task = await createTask(t, b.users.coord.token, {
            allianceId: b.allianceId,
            title: `Aufgabe ${i}`,
            leadPartnerId: i % 2 ? b.partners.jc : b.partners.agency,
            contributingPartnerIds: [b.partners.city, i % 2 ? b.partners.agency : b.partners.jc],
            assigneeId: i % 2 ? b.users.member.id : extra.id,
            goalId: goal.id,
          });
          ids.push(task.id);
          if (i > 0)
            await t.gql(
              'mutation($t: ID!, $b: ID!) { addTaskDependency(taskId: $t, blockedById: $b) { id } }',
              { t: task.id, b: ids[i - 1] },
              b.users.coord.token,
            );
          await t.gql(
            'mutation($t: ID!) { commentOnTask(taskId: $t, body: "Stand") { id } }',
            { t: task.id },
            b.users.member.token,
          );
        }
        const res = await t.gql(board, { a: b.allianceId }, b.users.observer.token);
        expect(res.errors).toBeUndefined();
        expect(res.data.tasks.totalCount).toBe(n);
        expect(res.data.tasks.edges).toHaveLength(n);
        expect(res.data.tasks.edges[n - 1].node).toMatchObject({
          blockedBy: [{ title: `Aufgabe ${n - 2}` }],
          comments: [{ author: { displayName: 'User member' } }],
        });
        counts.push(res.statements);
      }
      // Printed for the closing note.
      console.log(`task board statements: ${counts[0]} for 5 tasks, ${counts[1]} for 50 tasks`);
      expect(counts[0]).toBe(counts[1]);
      expect(counts[1]).toBeLessThanOrEqual(3);
    });
  });
});
