import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import {
  aCoordinationAlliance,
  auditOf,
  baseTask,
  createGoal,
  createTask,
  updateTask,
  withCoordinationApp,
} from './helpers.js';

describe('tasks', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  withCoordinationApp((app, alliance, outsider) => {
    t = app;
    a = alliance;
    other = outsider;
  });
  const base = () => baseTask(a);

  describe('reading', () => {
    it('members read tasks (OBSERVER too); others get null or an empty list', async () => {
      const task = await createTask(t, a.users.coord.token, base());
      for (const u of ['observer', 'member2', 'fac']) {
        const res = await t.gql(
          'query($id: ID!) { task(id: $id) { id alliance { id } } }',
          { id: task.id },
          a.users[u].token,
        );
        expect(res.data.task).toEqual({ id: task.id, alliance: { id: a.allianceId } });
      }
      expect(
        (await t.gql('query($id: ID!) { task(id: $id) { id } }', { id: task.id }, other.users.coord.token))
          .data.task,
      ).toBeNull();
      expect(
        (await t.gql('query($id: ID!) { task(id: $id) { id } }', { id: 'not-a-uuid' }, a.users.coord.token))
          .data.task,
      ).toBeNull();
      const list = await t.gql(
        'query($a: ID!) { tasks(allianceId: $a) { totalCount edges { node { id } } } }',
        { a: a.allianceId },
        other.users.coord.token,
      );
      expect(list.data.tasks).toEqual({ totalCount: 0, edges: [] });
    });

    it('overdue: due before today in Europe/Berlin and neither DONE nor CANCELLED', async () => {
      const b = await aCoordinationAlliance(t);
      const tk = (input: Record<string, unknown>) =>
        createTask(t, b.users.coord.token, {
          allianceId: b.allianceId,
          title: 'Frist',
          leadPartnerId: b.partners.city,
          ...input,
        });
      const berlinToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
      const yesterday = new Date(Date.parse(`${berlinToday}T12:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const late = await tk({ dueOn: yesterday });
      const doneLate = await tk({ dueOn: yesterday });
      await updateTask(t, b.users.coord.token, doneLate.id, { expectedVersion: 1, status: 'DONE' });
      const cancelledLate = await tk({ dueOn: '2001-01-01' });
      await updateTask(t, b.users.coord.token, cancelledLate.id, { expectedVersion: 1, status: 'CANCELLED' });
      const today = await tk({ dueOn: berlinToday });
      const none = await tk({});
      const q =
        'query($a: ID!, $f: TaskFilter) { tasks(allianceId: $a, filter: $f) { totalCount edges { node { id } } } }';
      const overdue = await t.gql(q, { a: b.allianceId, f: { overdue: true } }, b.users.coord.token);
      expect(overdue.data.tasks.edges.map((e: any) => e.node.id)).toEqual([late.id]);
      const notOverdue = await t.gql(q, { a: b.allianceId, f: { overdue: false } }, b.users.coord.token);
      expect(notOverdue.data.tasks.edges.map((e: any) => e.node.id).sort()).toEqual(
        [doneLate.id, cancelledLate.id, today.id, none.id].sort(),
      );
    });

    it('filters by status, lead partner, partner (lead or contributing), assignee and goal', async () => {
      const b = await aCoordinationAlliance(t);
      const goal = await createGoal(t, b.users.coord.token, { allianceId: b.allianceId, title: 'Ziel' });
      const t1 = await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'A',
        leadPartnerId: b.partners.jc,
        assigneeId: b.users.member.id,
        goalId: goal.id,
      });
      const t2 = await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'B',
        leadPartnerId: b.partners.city,
        contributingPartnerIds: [b.partners.jc],
      });
      const t3 = await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'C',
        leadPartnerId: b.partners.agency,
      });
      await updateTask(t, b.users.coord.token, t3.id, { expectedVersion: 1, status: 'BLOCKED' });
      const ids = async (f: Record<string, unknown>) =>
        (
          await t.gql(
            'query($a: ID!, $f: TaskFilter) { tasks(allianceId: $a, filter: $f) { totalCount edges { node { id } } } }',
            { a: b.allianceId, f },
            b.users.observer.token,
          )
        ).data.tasks.edges.map((e: any) => e.node.id);
      expect(await ids({ leadPartnerId: b.partners.jc })).toEqual([t1.id]);
      expect(await ids({ partnerId: b.partners.jc })).toEqual([t1.id, t2.id]);
      expect(await ids({ assigneeId: b.users.member.id })).toEqual([t1.id]);
      expect(await ids({ goalId: goal.id })).toEqual([t1.id]);
      expect(await ids({ status: ['BLOCKED', 'DONE'] })).toEqual([t3.id]);
      expect(await ids({ status: ['OPEN'], partnerId: b.partners.city })).toEqual([t2.id]);
    });

    it('search uses German full-text search on title and description: "Sprachkurse" finds "Sprachkurs"', async () => {
      const b = await aCoordinationAlliance(t);
      const mk = (title: string, description?: string) =>
        createTask(t, b.users.coord.token, {
          allianceId: b.allianceId,
          title,
          description,
          leadPartnerId: b.partners.city,
        });
      const kurs = await mk('Sprachkurs für Geflüchtete planen');
      const beschr = await mk('Treffen vorbereiten', 'Es geht um berufsbezogene Sprachkurse und Anerkennung');
      await mk('Wohnungssuche unterstützen');
      const search = async (s: string) =>
        (
          await t.gql(
            'query($a: ID!, $f: TaskFilter) { tasks(allianceId: $a, filter: $f) { totalCount edges { node { id } } } }',
            { a: b.allianceId, f: { search: s } },
            b.users.coord.token,
          )
        ).data.tasks;
      const plural = await search('Sprachkurse');
      expect(plural.edges.map((e: any) => e.node.id).sort()).toEqual([kurs.id, beschr.id].sort());
      expect(plural.totalCount).toBe(2);
      expect((await search('Anerkennungen')).edges.map((e: any) => e.node.id)).toEqual([beschr.id]);
      expect((await search('Wohnung')).totalCount).toBe(0);
      expect((await search('wohnungssuche')).totalCount).toBe(1);
      // The filter is index-backed (a GIN index on the generated tsvector).
      const plan = await t.db.query(
        "EXPLAIN SELECT 1 FROM tasks t WHERE t.alliance_id = $1 AND t.search_vector @@ websearch_to_tsquery('german', 'Sprachkurse')",
        [b.allianceId],
      );
      const { rows } = await t.db.query(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'tasks_search_idx'",
      );
      expect(rows[0].indexdef).toMatch(/USING gin \(search_vector\)/);
      expect(plan.rows.length).toBeGreaterThan(0);
    });

    it('myTasks lists the tasks assigned to the caller, oldest first', async () => {
      const b = await aCoordinationAlliance(t);
      const mine1 = await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'Eins',
        leadPartnerId: b.partners.jc,
        assigneeId: b.users.member.id,
      });
      await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'Fremd',
        leadPartnerId: b.partners.jc,
      });
      const mine2 = await createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'Zwei',
        leadPartnerId: b.partners.city,
        contributingPartnerIds: [b.partners.jc],
        assigneeId: b.users.member.id,
      });
      const res = await t.gql(
        '{ myTasks(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        {},
        b.users.member.token,
      );
      expect(res.data.myTasks).toMatchObject({
        totalCount: 2,
        pageInfo: { hasNextPage: true },
        edges: [{ node: { id: mine1.id } }],
      });
      const next = await t.gql(
        'query($c: String) { myTasks(first: 1, after: $c) { pageInfo { hasNextPage } edges { node { id } } } }',
        { c: res.data.myTasks.pageInfo.endCursor },
        b.users.member.token,
      );
      expect(next.data.myTasks).toEqual({
        pageInfo: { hasNextPage: false },
        edges: [{ node: { id: mine2.id } }],
      });
    });
  });

  describe('comments', () => {
    it('members who may work on the task comment; the comment is audited and listed with its author', async () => {
      const task = await createTask(t, a.users.coord.token, base());
      const c = await t.gql(
        'mutation($t: ID!, $b: String!) { commentOnTask(taskId: $t, body: $b) { id body author { id } createdAt } }',
        { t: task.id, b: '  Termin steht.  ' },
        a.users.member.token,
      );
      expect(c.data.commentOnTask).toMatchObject({
        body: 'Termin steht.',
        author: { id: a.users.member.id },
      });
      expect(
        codes(
          await t.gql(
            'mutation($t: ID!) { commentOnTask(taskId: $t, body: "x") { id } }',
            { t: task.id },
            a.users.observer.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            'mutation($t: ID!) { commentOnTask(taskId: $t, body: "x") { id } }',
            { t: task.id },
            a.users.member2.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            'mutation($t: ID!) { commentOnTask(taskId: $t, body: "x") { id } }',
            { t: task.id },
            other.users.coord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      const empty = await t.gql(
        'mutation($t: ID!) { commentOnTask(taskId: $t, body: "   ") { id } }',
        { t: task.id },
        a.users.coord.token,
      );
      expect(empty.errors![0].extensions!.fields).toEqual([
        { path: 'body', message: expect.any(String), rule: 'LENGTH' },
      ]);
      await t.gql(
        'mutation($t: ID!) { commentOnTask(taskId: $t, body: "Zweiter") { id } }',
        { t: task.id },
        a.users.coord.token,
      );
      const read = await t.gql(
        'query($id: ID!) { task(id: $id) { version comments { body author { id } } } }',
        { id: task.id },
        a.users.observer.token,
      );
      expect(read.data.task).toEqual({
        version: 1,
        comments: [
          { body: 'Termin steht.', author: { id: a.users.member.id } },
          { body: 'Zweiter', author: { id: a.users.coord.id } },
        ],
      });
      expect(await auditOf(t, c.data.commentOnTask.id)).toEqual([
        { action: 'commentOnTask', changedFields: ['body'], actor: { id: a.users.member.id } },
      ]);
    });
  });
});
