import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import {
  aCoordinationAlliance,
  auditOf,
  createGoal,
  createTask,
  GOAL_FIELDS,
  updateTask,
  withCoordinationApp,
} from './helpers.js';

describe('goals, indicators and measurements', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  withCoordinationApp((app, alliance, outsider) => {
    t = app;
    a = alliance;
    other = outsider;
  });
  const goalInput = (extra: Record<string, unknown> = {}) => ({
    allianceId: a.allianceId,
    title: 'Menschen in Arbeit vermitteln',
    ...extra,
  });
  const updateGoal = (token: string, id: string, input: Record<string, unknown>) =>
    t.gql(
      `mutation($id: ID!, $i: UpdateGoalInput!) { updateGoal(id: $id, input: $i) { ${GOAL_FIELDS} } }`,
      { id, i: input },
      token,
    );

  describe('goals', () => {
    it('a COORDINATOR or ALLIANCE_ADMIN creates goals with owner partners; DRAFT by default; audited', async () => {
      const res = await t.gql(
        `mutation($i: CreateGoalInput!) { createGoal(input: $i) { ${GOAL_FIELDS} } }`,
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
        { path: 'input.ownerPartnerIds', message: expect.any(String), rule: 'NOT_IN_ALLIANCE' },
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
        fields: [{ path: 'input.parentId', message: expect.any(String), rule: 'CYCLE' }],
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
        { path: 'input.startsOn', message: expect.any(String), rule: 'END_BEFORE_START' },
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
});
