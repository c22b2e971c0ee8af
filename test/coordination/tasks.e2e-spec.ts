import { aMember, anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import {
  aCoordinationAlliance,
  auditOf,
  createGoal,
  createTask,
  TASK_FIELDS,
  updateTask,
} from './helpers.js';

describe('tasks', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aCoordinationAlliance(t);
    other = await anAlliance(t, {
      partners: { x: {} },
      users: { coord: { org: 'x', roles: ['COORDINATOR'] } },
    });
  });
  afterAll(() => t.close());

  const base = () => ({
    allianceId: a.allianceId,
    title: 'Sprachkurs für Pflegekräfte organisieren',
    leadPartnerId: a.partners.jc,
  });

  describe('creating', () => {
    it('creates a task with partners, assignee and goal, OPEN and NORMAL by default, version 1', async () => {
      const goal = await createGoal(t, a.users.coord.token, {
        allianceId: a.allianceId,
        title: 'Fachkräftebedarf decken',
      });
      const task = await createTask(t, a.users.coord.token, {
        ...base(),
        description: 'Mit der VHS abstimmen',
        contributingPartnerIds: [a.partners.agency, a.partners.jc],
        assigneeId: a.users.member2.id,
        goalId: goal.id,
        dueOn: '2030-01-31',
      });
      expect(task).toMatchObject({
        status: 'OPEN',
        priority: 'NORMAL',
        version: 1,
        dueOn: '2030-01-31',
        completedAt: null,
        leadPartner: { id: a.partners.jc },
        // The lead is not also listed as contributing.
        contributingPartners: [{ id: a.partners.agency }],
        assignee: { id: a.users.member2.id },
        goal: { id: goal.id },
      });
      expect(await auditOf(t, task.id)).toEqual([
        expect.objectContaining({
          action: 'createTask',
          actor: { id: a.users.coord.id },
          changedFields: expect.arrayContaining(['title', 'leadPartnerId', 'assigneeId']),
        }),
      ]);
    });

    it('refuses partners that are not ACTIVE partners of the alliance, naming the field', async () => {
      const prospective = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), leadPartnerId: a.partners.uni } },
        a.users.coord.token,
      );
      expect(codes(prospective)).toEqual(['BAD_USER_INPUT']);
      expect(prospective.errors![0].extensions!.fields).toEqual([
        { path: 'input.leadPartnerId', message: expect.any(String) },
      ]);
      const foreign = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), contributingPartnerIds: [other.partners.x] } },
        a.users.coord.token,
      );
      expect(foreign.errors![0].extensions!.fields).toEqual([
        { path: 'input.contributingPartnerIds', message: expect.any(String) },
      ]);
      const foreignGoal = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), goalId: '00000000-0000-4000-8000-000000000000' } },
        a.users.coord.token,
      );
      expect(foreignGoal.errors![0].extensions!.fields).toEqual([
        { path: 'input.goalId', message: expect.any(String) },
      ]);
    });

    it('refuses an assignee who is not a member from the lead or a contributing organisation', async () => {
      // member2 belongs to the agency, which is not on this task.
      const wrongOrg = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), assigneeId: a.users.member2.id } },
        a.users.coord.token,
      );
      expect(wrongOrg.errors![0].extensions!.fields).toEqual([
        { path: 'input.assigneeId', message: expect.any(String) },
      ]);
      // other.users.coord is a member of another alliance only.
      const stranger = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), assigneeId: other.users.coord.id } },
        a.users.coord.token,
      );
      expect(codes(stranger)).toEqual(['BAD_USER_INPUT']);
      const ok = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { assignee { id } } }',
        { i: { ...base(), assigneeId: a.users.member.id } },
        a.users.coord.token,
      );
      expect(ok.data.createTask.assignee.id).toBe(a.users.member.id);
    });

    it('lets a MEMBER create tasks only where their organisation leads or contributes; OBSERVER and non-members not at all', async () => {
      const own = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: base() },
        a.users.member.token,
      );
      expect(own.errors).toBeUndefined();
      const contributing = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), leadPartnerId: a.partners.city, contributingPartnerIds: [a.partners.jc] } },
        a.users.member.token,
      );
      expect(contributing.errors).toBeUndefined();
      const foreign = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), leadPartnerId: a.partners.city } },
        a.users.member.token,
      );
      expect(codes(foreign)).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
            { i: base() },
            a.users.observer.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
            { i: base() },
            other.users.coord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
    });
  });

  describe('updating', () => {
    it('DONE sets completedAt, leaving DONE clears it; every change increases the version and is audited', async () => {
      const task = await createTask(t, a.users.coord.token, base());
      const done = await updateTask(t, a.users.member.token, task.id, { expectedVersion: 1, status: 'DONE' });
      expect(done.errors).toBeUndefined();
      expect(done.data.updateTask).toMatchObject({
        status: 'DONE',
        version: 2,
        completedAt: expect.any(String),
      });
      const reopened = await updateTask(t, a.users.member.token, task.id, {
        expectedVersion: 2,
        status: 'IN_PROGRESS',
        title: 'Neu',
      });
      expect(reopened.data.updateTask).toMatchObject({
        status: 'IN_PROGRESS',
        version: 3,
        completedAt: null,
        title: 'Neu',
      });
      const audit = await auditOf(t, task.id);
      expect(audit.map((e) => [e.action, e.changedFields])).toEqual([
        ['createTask', expect.any(Array)],
        ['updateTask', ['status']],
        ['updateTask', ['status', 'title']],
      ]);
    });

    it('a stale expectedVersion answers CONFLICT and changes nothing', async () => {
      const task = await createTask(t, a.users.coord.token, base());
      await updateTask(t, a.users.coord.token, task.id, { expectedVersion: 1, priority: 'HIGH' });
      const stale = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 1,
        title: 'Überschrieben',
      });
      expect(codes(stale)).toEqual(['CONFLICT']);
      const { data } = await t.gql(
        `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`,
        { id: task.id },
        a.users.coord.token,
      );
      expect(data.task).toMatchObject({ title: base().title, priority: 'HIGH', version: 2 });
      expect((await auditOf(t, task.id)).length).toBe(2);
    });

    it('of two concurrent updates with the same version exactly one wins', async () => {
      const task = await createTask(t, a.users.coord.token, base());
      const results = await Promise.all(
        ['Erste', 'Zweite', 'Dritte', 'Vierte'].map((title) =>
          updateTask(t, a.users.coord.token, task.id, { expectedVersion: 1, title }),
        ),
      );
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => codes(r)[0] === 'CONFLICT')).toHaveLength(3);
      const { data } = await t.gql(
        'query($id: ID!) { task(id: $id) { title version } }',
        { id: task.id },
        a.users.coord.token,
      );
      expect(data.task).toEqual({ title: winners[0].data.updateTask.title, version: 2 });
    });

    it('an explicit null clears nullable fields and is refused for required ones', async () => {
      const task = await createTask(t, a.users.coord.token, {
        ...base(),
        dueOn: '2030-05-01',
        assigneeId: a.users.member.id,
        description: 'x',
      });
      const cleared = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 1,
        dueOn: null,
        assigneeId: null,
        description: null,
      });
      expect(cleared.data.updateTask).toMatchObject({ dueOn: null, assignee: null, description: null });
      const refused = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 2,
        title: null,
        status: null,
      });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect([...new Set(refused.errors![0].extensions!.fields!.map((f) => f.path))].sort()).toEqual([
        'input.status',
        'input.title',
      ]);
    });

    it('checks partners and assignee on update: new partners ACTIVE, assignee from a remaining organisation', async () => {
      const task = await createTask(t, a.users.coord.token, {
        ...base(),
        contributingPartnerIds: [a.partners.agency],
        assigneeId: a.users.member2.id,
      });
      const prospective = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 1,
        contributingPartnerIds: [a.partners.agency, a.partners.uni],
      });
      expect(prospective.errors![0].extensions!.fields).toEqual([
        { path: 'input.contributingPartnerIds', message: expect.any(String) },
      ]);
      // Dropping the agency would leave its member assigned: refused.
      const orphan = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 1,
        contributingPartnerIds: [],
      });
      expect(orphan.errors![0].extensions!.fields).toEqual([
        { path: 'input.assigneeId', message: expect.any(String) },
      ]);
      const moved = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 1,
        leadPartnerId: a.partners.city,
        contributingPartnerIds: [a.partners.agency],
      });
      expect(moved.data.updateTask).toMatchObject({
        leadPartner: { id: a.partners.city },
        contributingPartners: [{ id: a.partners.agency }],
        version: 2,
      });
    });

    it('authorizes by role: COORDINATOR any task; MEMBER/FACILITATOR only their organisation’s; OBSERVER none; non-members NOT_FOUND', async () => {
      const jcTask = await createTask(t, a.users.coord.token, base());
      expect(
        codes(await updateTask(t, a.users.member2.token, jcTask.id, { expectedVersion: 1, title: 'x' })),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(await updateTask(t, a.users.fac.token, jcTask.id, { expectedVersion: 1, title: 'x' })),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(await updateTask(t, a.users.observer.token, jcTask.id, { expectedVersion: 1, title: 'x' })),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(await updateTask(t, a.users.admin.token, jcTask.id, { expectedVersion: 1, title: 'x' })),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(await updateTask(t, other.users.coord.token, jcTask.id, { expectedVersion: 1, title: 'x' })),
      ).toEqual(['NOT_FOUND']);
      expect(
        codes(
          await updateTask(t, a.users.member.token, jcTask.id, { expectedVersion: 1, title: 'Jobcenter' }),
        ),
      ).toEqual([]);
      const shared = await createTask(t, a.users.coord.token, {
        ...base(),
        contributingPartnerIds: [a.partners.agency],
      });
      expect(
        codes(await updateTask(t, a.users.fac.token, shared.id, { expectedVersion: 1, title: 'Agentur' })),
      ).toEqual([]);
      expect((await auditOf(t, jcTask.id)).map((e) => e.action)).toEqual(['createTask', 'updateTask']);
    });
  });

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
        fields: [{ path: 'after', message: expect.any(String) }],
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
      expect(empty.errors![0].extensions!.fields).toEqual([{ path: 'body', message: expect.any(String) }]);
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
