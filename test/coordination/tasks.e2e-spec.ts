import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import {
  auditOf,
  baseTask,
  createGoal,
  createTask,
  TASK_FIELDS,
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
        { path: 'input.leadPartnerId', message: expect.any(String), rule: 'NOT_ACTIVE_PARTNER' },
      ]);
      const foreign = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), contributingPartnerIds: [other.partners.x] } },
        a.users.coord.token,
      );
      expect(foreign.errors![0].extensions!.fields).toEqual([
        { path: 'input.contributingPartnerIds', message: expect.any(String), rule: 'NOT_ACTIVE_PARTNER' },
      ]);
      const foreignGoal = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { ...base(), goalId: '00000000-0000-4000-8000-000000000000' } },
        a.users.coord.token,
      );
      expect(foreignGoal.errors![0].extensions!.fields).toEqual([
        { path: 'input.goalId', message: expect.any(String), rule: 'NOT_IN_ALLIANCE' },
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
        { path: 'input.assigneeId', message: expect.any(String), rule: 'ASSIGNEE_NOT_INVOLVED' },
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
        { path: 'input.contributingPartnerIds', message: expect.any(String), rule: 'NOT_ACTIVE_PARTNER' },
      ]);
      // Dropping the agency would leave its member assigned: refused.
      const orphan = await updateTask(t, a.users.coord.token, task.id, {
        expectedVersion: 1,
        contributingPartnerIds: [],
      });
      expect(orphan.errors![0].extensions!.fields).toEqual([
        { path: 'input.assigneeId', message: expect.any(String), rule: 'ASSIGNEE_NOT_INVOLVED' },
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
});
