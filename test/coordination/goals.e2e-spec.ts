import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { aCoordinationAlliance, auditOf, createGoal, createTask, updateTask } from './helpers.js';

const GOAL =
  'id title description status startsOn dueOn parent { id } children { id } ownerPartners { id } alliance { id } taskProgress';

describe('goals, indicators and measurements', () => {
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

  const goalInput = (extra: Record<string, unknown> = {}) => ({
    allianceId: a.allianceId,
    title: 'Menschen in Arbeit vermitteln',
    ...extra,
  });
  const updateGoal = (token: string, id: string, input: Record<string, unknown>) =>
    t.gql(
      `mutation($id: ID!, $i: UpdateGoalInput!) { updateGoal(id: $id, input: $i) { ${GOAL} } }`,
      { id, i: input },
      token,
    );

  describe('goals', () => {
    it('a COORDINATOR or ALLIANCE_ADMIN creates goals with owner partners; DRAFT by default; audited', async () => {
      const res = await t.gql(
        `mutation($i: CreateGoalInput!) { createGoal(input: $i) { ${GOAL} } }`,
        {
          i: goalInput({
            description: 'Fachkräftebedarf decken',
            startsOn: '2026-01-01',
            dueOn: '2027-12-31',
            ownerPartnerIds: [a.partners.jc, a.partners.agency],
          }),
        },
        a.users.coord.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.createGoal).toMatchObject({
        status: 'DRAFT',
        startsOn: '2026-01-01',
        dueOn: '2027-12-31',
        parent: null,
        children: [],
        alliance: { id: a.allianceId },
        taskProgress: null,
      });
      expect(res.data.createGoal.ownerPartners.map((p: any) => p.id).sort()).toEqual(
        [a.partners.jc, a.partners.agency].sort(),
      );
      expect(await auditOf(t, res.data.createGoal.id)).toEqual([
        {
          action: 'createGoal',
          actor: { id: a.users.coord.id },
          changedFields: ['description', 'dueOn', 'ownerPartnerIds', 'startsOn', 'title'],
        },
      ]);
      const byAdmin = await t.gql(
        'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
        { i: goalInput() },
        a.users.admin.token,
      );
      expect(byAdmin.errors).toBeUndefined();
    });

    it('MEMBER, FACILITATOR and OBSERVER may not write goals; non-members get NOT_FOUND', async () => {
      for (const u of ['member', 'fac', 'observer']) {
        expect(
          codes(
            await t.gql(
              'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
              { i: goalInput() },
              a.users[u].token,
            ),
          ),
        ).toEqual(['FORBIDDEN']);
      }
      expect(
        codes(
          await t.gql(
            'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
            { i: goalInput() },
            other.users.coord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      const goal = await createGoal(t, a.users.coord.token, goalInput());
      expect(codes(await updateGoal(a.users.member.token, goal.id, { title: 'x' }))).toEqual(['FORBIDDEN']);
      expect(codes(await updateGoal(other.users.coord.token, goal.id, { title: 'x' }))).toEqual([
        'NOT_FOUND',
      ]);
      expect(
        (await t.gql('query($id: ID!) { goal(id: $id) { id } }', { id: goal.id }, other.users.coord.token))
          .data.goal,
      ).toBeNull();
      expect(
        (await t.gql('query($id: ID!) { goal(id: $id) { id } }', { id: goal.id }, a.users.observer.token))
          .data.goal,
      ).toEqual({ id: goal.id });
    });

    it('owner partners must be partners of the alliance', async () => {
      const res = await t.gql(
        'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
        { i: goalInput({ ownerPartnerIds: [other.partners.x] }) },
        a.users.coord.token,
      );
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.ownerPartnerIds', message: expect.any(String) }],
      });
      const goal = await createGoal(t, a.users.coord.token, goalInput());
      const upd = await updateGoal(a.users.coord.token, goal.id, {
        ownerPartnerIds: [a.partners.city, other.partners.x],
      });
      expect(upd.errors![0].extensions!.fields).toEqual([
        { path: 'input.ownerPartnerIds', message: expect.any(String) },
      ]);
    });

    it('goals form a tree within one alliance: a parent from another alliance or a cycle is BAD_USER_INPUT', async () => {
      const foreign = await createGoal(t, other.users.coord.token, {
        allianceId: other.allianceId,
        title: 'Fremd',
      });
      const cross = await t.gql(
        'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
        { i: goalInput({ parentId: foreign.id }) },
        a.users.coord.token,
      );
      expect(cross.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.parentId', message: expect.any(String) }],
      });

      const root = await createGoal(t, a.users.coord.token, goalInput({ title: 'Wurzel' }));
      const child = await createGoal(t, a.users.coord.token, goalInput({ title: 'Kind', parentId: root.id }));
      const grandchild = await createGoal(
        t,
        a.users.coord.token,
        goalInput({ title: 'Enkel', parentId: child.id }),
      );
      expect(grandchild.parent).toEqual({ id: child.id });
      const tree = await t.gql(
        'query($id: ID!) { goal(id: $id) { children { id children { id parent { parent { id } } } } } }',
        { id: root.id },
        a.users.member.token,
      );
      expect(tree.data.goal.children).toEqual([
        { id: child.id, children: [{ id: grandchild.id, parent: { parent: { id: root.id } } }] },
      ]);

      const cycle = await updateGoal(a.users.coord.token, root.id, { parentId: grandchild.id });
      expect(cycle.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.parentId', message: expect.any(String) }],
      });
      const self = await updateGoal(a.users.coord.token, root.id, { parentId: root.id });
      expect(codes(self)).toEqual(['BAD_USER_INPUT']);
      const crossMove = await updateGoal(a.users.coord.token, child.id, { parentId: foreign.id });
      expect(codes(crossMove)).toEqual(['BAD_USER_INPUT']);
      // Moving within the tree and back to the top level works.
      const moved = await updateGoal(a.users.coord.token, grandchild.id, { parentId: root.id });
      expect(moved.data.updateGoal.parent).toEqual({ id: root.id });
      const top = await updateGoal(a.users.coord.token, child.id, { parentId: null });
      expect(top.data.updateGoal.parent).toBeNull();
    });

    it('updates fields, refuses explicit null for title and status, and checks the dates', async () => {
      const goal = await createGoal(t, a.users.coord.token, goalInput());
      const ok = await updateGoal(a.users.coord.token, goal.id, {
        status: 'ACTIVE',
        description: 'neu',
        dueOn: '2028-06-30',
      });
      expect(ok.data.updateGoal).toMatchObject({ status: 'ACTIVE', description: 'neu', dueOn: '2028-06-30' });
      expect(codes(await updateGoal(a.users.coord.token, goal.id, { title: null }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      const dates = await updateGoal(a.users.coord.token, goal.id, { startsOn: '2029-01-01' });
      expect(dates.errors![0].extensions!.fields).toEqual([
        { path: 'input.startsOn', message: expect.any(String) },
      ]);
      expect((await auditOf(t, goal.id)).map((e) => [e.action, e.changedFields])).toEqual([
        ['createGoal', ['title']],
        ['updateGoal', ['description', 'dueOn', 'status']],
      ]);
    });

    it('taskProgress = done / (all − cancelled) over the goal’s own tasks; null without tasks', async () => {
      const goal = await createGoal(t, a.users.coord.token, goalInput());
      const sub = await createGoal(t, a.users.coord.token, goalInput({ parentId: goal.id }));
      const progress = async (id: string) =>
        (await t.gql('query($id: ID!) { goal(id: $id) { taskProgress } }', { id }, a.users.member.token)).data
          .goal.taskProgress;
      expect(await progress(goal.id)).toBeNull();
      const tasks = [];
      for (let i = 0; i < 5; i++)
        tasks.push(
          await createTask(t, a.users.coord.token, {
            allianceId: a.allianceId,
            title: `T${i}`,
            leadPartnerId: a.partners.city,
            goalId: goal.id,
          }),
        );
      await createTask(t, a.users.coord.token, {
        allianceId: a.allianceId,
        title: 'Unterziel',
        leadPartnerId: a.partners.city,
        goalId: sub.id,
      });
      await updateTask(t, a.users.coord.token, tasks[0].id, { expectedVersion: 1, status: 'DONE' });
      expect(await progress(goal.id)).toBeCloseTo(1 / 5);
      await updateTask(t, a.users.coord.token, tasks[1].id, { expectedVersion: 1, status: 'CANCELLED' });
      await updateTask(t, a.users.coord.token, tasks[2].id, { expectedVersion: 1, status: 'DONE' });
      expect(await progress(goal.id)).toBeCloseTo(2 / 4);
      expect(await progress(sub.id)).toBe(0);
      const list = await t.gql(
        'query($id: ID!) { goal(id: $id) { tasks(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }',
        { id: goal.id },
        a.users.observer.token,
      );
      expect(list.data.goal.tasks).toEqual({
        totalCount: 5,
        edges: [{ node: { id: tasks[0].id } }, { node: { id: tasks[1].id } }],
        pageInfo: { hasNextPage: true },
      });
    });

    it('Alliance.goals lists the alliance’s goals, filtered by status', async () => {
      const b = await aCoordinationAlliance(t);
      const g1 = await createGoal(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'Eins',
        status: 'ACTIVE',
      });
      const g2 = await createGoal(t, b.users.coord.token, { allianceId: b.allianceId, title: 'Zwei' });
      const g3 = await createGoal(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title: 'Drei',
        status: 'ACTIVE',
        parentId: g1.id,
      });
      const res = await t.gql(
        'query($id: ID!) { alliance(id: $id) { all: goals { id } active: goals(status: ACTIVE) { id } achieved: goals(status: ACHIEVED) { id } } }',
        { id: b.allianceId },
        b.users.observer.token,
      );
      expect(res.data.alliance).toEqual({
        all: [{ id: g1.id }, { id: g2.id }, { id: g3.id }],
        active: [{ id: g1.id }, { id: g3.id }],
        achieved: [],
      });
    });
  });

  describe('indicators and measurements', () => {
    let goal: any;
    beforeAll(async () => {
      goal = await createGoal(t, a.users.coord.token, goalInput({ ownerPartnerIds: [a.partners.jc] }));
    });
    const addIndicator = (token: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { id name unit baseline target current goal { id } measurements { id } } }',
        { i: input },
        token,
      );
    const record = (token: string, input: Record<string, unknown>) =>
      t.gql(
        'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id value observedOn note recordedBy { id } } }',
        { i: input },
        token,
      );
    const current = async (id: string) =>
      (
        await t.gql(
          'query($id: ID!) { goal(id: $id) { indicators { id current measurements { value observedOn recordedBy { id } } } } }',
          { id: goal.id },
          a.users.observer.token,
        )
      ).data.goal.indicators.find((i: any) => i.id === id);

    it('indicators have baseline and target; current is the baseline before any measurement', async () => {
      const res = await addIndicator(a.users.coord.token, {
        goalId: goal.id,
        name: 'In Arbeit vermittelte Personen',
        unit: 'Personen',
        baseline: 12,
        target: 150,
      });
      expect(res.data.addIndicator).toMatchObject({
        name: 'In Arbeit vermittelte Personen',
        unit: 'Personen',
        baseline: 12,
        target: 150,
        current: 12,
        goal: { id: goal.id },
        measurements: [],
      });
      expect(
        codes(
          await addIndicator(a.users.member.token, {
            goalId: goal.id,
            name: 'x',
            unit: 'y',
            baseline: 0,
            target: 1,
          }),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await addIndicator(other.users.coord.token, {
            goalId: goal.id,
            name: 'x',
            unit: 'y',
            baseline: 0,
            target: 1,
          }),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(await auditOf(t, res.data.addIndicator.id)).toEqual([
        {
          action: 'addIndicator',
          actor: { id: a.users.coord.id },
          changedFields: ['baseline', 'name', 'target', 'unit'],
        },
      ]);
    });

    it('current is the latest measurement by observedOn, ties broken by the later recording; measurements keep who recorded them', async () => {
      const { addIndicator: ind } = (
        await addIndicator(a.users.coord.token, {
          goalId: goal.id,
          name: 'Teilnehmende',
          unit: 'Personen',
          baseline: 0,
          target: 100,
        })
      ).data;
      expect(
        (
          await record(a.users.coord.token, {
            indicatorId: ind.id,
            value: 30,
            observedOn: '2026-03-31',
            note: 'Quartal 1',
          })
        ).data.recordMeasurement,
      ).toMatchObject({
        value: 30,
        observedOn: '2026-03-31',
        note: 'Quartal 1',
        recordedBy: { id: a.users.coord.id },
      });
      expect((await current(ind.id)).current).toBe(30);
      // An older observation recorded later does not replace the current value.
      await record(a.users.member.token, { indicatorId: ind.id, value: 10, observedOn: '2026-01-31' });
      expect((await current(ind.id)).current).toBe(30);
      // Same day: the later recording wins.
      await record(a.users.member.token, { indicatorId: ind.id, value: 35.5, observedOn: '2026-03-31' });
      const now = await current(ind.id);
      expect(now.current).toBe(35.5);
      expect(now.measurements).toEqual([
        { value: 10, observedOn: '2026-01-31', recordedBy: { id: a.users.member.id } },
        { value: 30, observedOn: '2026-03-31', recordedBy: { id: a.users.coord.id } },
        { value: 35.5, observedOn: '2026-03-31', recordedBy: { id: a.users.member.id } },
      ]);
    });

    it('a COORDINATOR or a MEMBER of an owner partner records; others may not', async () => {
      const { addIndicator: ind } = (
        await addIndicator(a.users.coord.token, {
          goalId: goal.id,
          name: 'Betriebe',
          unit: 'Unternehmen',
          baseline: 0,
          target: 20,
        })
      ).data;
      // member (Jobcenter) belongs to the owner partner; member2 (agency) does not.
      const m = await record(a.users.member.token, {
        indicatorId: ind.id,
        value: 3,
        observedOn: '2026-02-01',
      });
      expect(m.errors).toBeUndefined();
      expect(await auditOf(t, m.data.recordMeasurement.id)).toEqual([
        {
          action: 'recordMeasurement',
          actor: { id: a.users.member.id },
          changedFields: ['observedOn', 'value'],
        },
      ]);
      for (const u of ['member2', 'fac', 'observer', 'admin']) {
        expect(
          codes(await record(a.users[u].token, { indicatorId: ind.id, value: 4, observedOn: '2026-02-02' })),
        ).toEqual(['FORBIDDEN']);
      }
      expect(
        codes(
          await record(other.users.coord.token, { indicatorId: ind.id, value: 4, observedOn: '2026-02-02' }),
        ),
      ).toEqual(['NOT_FOUND']);
      const future = await record(a.users.coord.token, {
        indicatorId: ind.id,
        value: 4,
        observedOn: '2099-01-01',
      });
      expect(future.errors![0].extensions!.fields).toEqual([
        { path: 'input.observedOn', message: expect.any(String) },
      ]);
      expect((await current(ind.id)).measurements).toHaveLength(1);
    });
  });

  describe('dependencies', () => {
    let b: BuiltAlliance;
    const mk = (title: string, lead = 'city') =>
      createTask(t, b.users.coord.token, {
        allianceId: b.allianceId,
        title,
        leadPartnerId: b.partners[lead],
      });
    const dep = (token: string, taskId: string, blockedById: string) =>
      t.gql(
        'mutation($t: ID!, $b: ID!) { addTaskDependency(taskId: $t, blockedById: $b) { id version blockedBy { id } blocking { id } } }',
        { t: taskId, b: blockedById },
        token,
      );
    beforeAll(async () => {
      b = await aCoordinationAlliance(t);
    });

    it('records blockedBy and blocking, bumps the version, audits; removal undoes it', async () => {
      const x = await mk('Anerkennung klären');
      const y = await mk('Arbeitgeber ansprechen');
      const res = await dep(b.users.coord.token, y.id, x.id);
      expect(res.data.addTaskDependency).toEqual({
        id: y.id,
        version: 2,
        blockedBy: [{ id: x.id }],
        blocking: [],
      });
      const xr = await t.gql(
        'query($id: ID!) { task(id: $id) { blocking { id } } }',
        { id: x.id },
        b.users.observer.token,
      );
      expect(xr.data.task.blocking).toEqual([{ id: y.id }]);
      // Adding it again changes nothing.
      expect((await dep(b.users.coord.token, y.id, x.id)).data.addTaskDependency.version).toBe(2);
      const removed = await t.gql(
        'mutation($t: ID!, $b: ID!) { removeTaskDependency(taskId: $t, blockedById: $b) { version blockedBy { id } } }',
        { t: y.id, b: x.id },
        b.users.coord.token,
      );
      expect(removed.data.removeTaskDependency).toEqual({ version: 3, blockedBy: [] });
      expect((await auditOf(t, y.id)).map((e) => [e.action, e.changedFields])).toEqual([
        ['createTask', expect.any(Array)],
        ['addTaskDependency', ['blockedBy']],
        ['removeTaskDependency', ['blockedBy']],
      ]);
    });

    it('stays within an alliance and refuses itself and cycles', async () => {
      const x = await mk('A');
      const y = await mk('B');
      const z = await mk('C');
      const foreign = await createTask(t, other.users.coord.token, {
        allianceId: other.allianceId,
        title: 'Fremd',
        leadPartnerId: other.partners.x,
      });
      const cross = await dep(b.users.coord.token, x.id, foreign.id);
      expect(cross.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'blockedById', message: expect.any(String) }],
      });
      expect(codes(await dep(b.users.coord.token, x.id, x.id))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await dep(b.users.coord.token, y.id, x.id))).toEqual([]);
      expect(codes(await dep(b.users.coord.token, z.id, y.id))).toEqual([]);
      const cycle = await dep(b.users.coord.token, x.id, z.id);
      expect(cycle.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'blockedById', message: expect.any(String) }],
      });
      expect(codes(await dep(other.users.coord.token, foreign.id, x.id))).toEqual(['BAD_USER_INPUT']);
    });

    it('authorizes like task changes: MEMBER only on their organisation’s tasks, OBSERVER never', async () => {
      const own = await mk('Jobcenter', 'jc');
      const foreign = await mk('Stadt');
      expect(codes(await dep(b.users.member.token, own.id, foreign.id))).toEqual([]);
      expect(codes(await dep(b.users.member.token, foreign.id, own.id))).toEqual(['FORBIDDEN']);
      expect(codes(await dep(b.users.observer.token, own.id, foreign.id))).toEqual(['FORBIDDEN']);
      expect(codes(await dep(other.users.coord.token, own.id, foreign.id))).toEqual(['NOT_FOUND']);
    });

    it('never forms a cycle, also when requests that would close one arrive at the same time', async () => {
      for (let round = 0; round < 5; round++) {
        // A ring of four tasks; every request adds one edge, together they would close the ring.
        const ring: any[] = [];
        for (let i = 0; i < 4; i++) ring.push(await mk(`Ring ${round}.${i}`));
        const results = await Promise.all(
          ring.map((task, i) => dep(b.users.coord.token, ring[(i + 1) % 4].id, task.id)),
        );
        const accepted = results.filter((r) => !r.errors);
        expect(accepted).toHaveLength(3);
        expect(results.filter((r) => codes(r)[0] === 'BAD_USER_INPUT')).toHaveLength(1);
        const { rows } = await t.db.query(
          `WITH RECURSIVE walk(start, id, depth) AS (
             SELECT task_id, blocked_by_id, 1 FROM task_dependencies WHERE alliance_id = $1
             UNION ALL
             SELECT w.start, d.blocked_by_id, w.depth + 1 FROM walk w JOIN task_dependencies d ON d.task_id = w.id WHERE w.depth < 10
           ) SELECT count(*)::int AS cycles FROM walk WHERE start = id`,
          [b.allianceId],
        );
        expect(rows[0].cycles).toBe(0);
      }
      // Two opposite edges at once: exactly one is accepted.
      for (let round = 0; round < 5; round++) {
        const x = await mk(`X${round}`);
        const y = await mk(`Y${round}`);
        const [r1, r2] = await Promise.all([
          dep(b.users.coord.token, x.id, y.id),
          dep(b.users.coord.token, y.id, x.id),
        ]);
        expect([codes(r1), codes(r2)].sort()).toEqual([[], ['BAD_USER_INPUT']]);
      }
    });
  });
});
