import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import { aCoordinationAlliance, auditOf, createTask, withCoordinationApp } from './helpers.js';

describe('goals, indicators and measurements', () => {
  let t: TestApp;
  let other: BuiltAlliance;
  withCoordinationApp((app, _alliance, outsider) => {
    t = app;
    other = outsider;
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
        fields: [{ path: 'blockedById', message: expect.any(String), rule: 'NOT_IN_ALLIANCE' }],
      });
      const self = await dep(b.users.coord.token, x.id, x.id);
      expect(self.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'blockedById', rule: 'SELF_REFERENCE' }],
      });
      expect(codes(await dep(b.users.coord.token, y.id, x.id))).toEqual([]);
      expect(codes(await dep(b.users.coord.token, z.id, y.id))).toEqual([]);
      const cycle = await dep(b.users.coord.token, x.id, z.id);
      expect(cycle.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'blockedById', message: expect.any(String), rule: 'CYCLE' }],
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
