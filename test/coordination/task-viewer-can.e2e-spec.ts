import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import { createTask, withCoordinationApp } from './helpers.js';

const CAN = 'viewerCan { update changeStatus comment addDependency }';
const all = (v: boolean) => ({ update: v, changeStatus: v, comment: v, addDependency: v });

describe('Task.viewerCan: what the caller may do, by the rule the mutations check', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCoordinationApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  /** The Jobcenter's own task; the city's with the agency; the city's with the Jobcenter. */
  let tasks: { own: string; agency: string; contributed: string };
  /** Who may change which of them (MEMBER and FACILITATOR: their organisation's tasks only). */
  const expected: Record<string, Record<keyof typeof tasks, boolean>> = {
    coord: { own: true, agency: true, contributed: true },
    member: { own: true, agency: false, contributed: true },
    member2: { own: false, agency: true, contributed: false },
    fac: { own: false, agency: true, contributed: false },
    observer: { own: false, agency: false, contributed: false },
    admin: { own: false, agency: false, contributed: false },
  };

  beforeAll(async () => {
    const mk = (title: string, input: Record<string, unknown>) =>
      createTask(t, a.users.coord.token, { allianceId: a.allianceId, title, ...input }).then((x) => x.id);
    tasks = {
      own: await mk('Eigene Aufgabe des Jobcenters', { leadPartnerId: a.partners.jc }),
      agency: await mk('Aufgabe mit der Agentur', {
        leadPartnerId: a.partners.city,
        contributingPartnerIds: [a.partners.agency],
      }),
      contributed: await mk('Aufgabe mit dem Jobcenter', {
        leadPartnerId: a.partners.city,
        contributingPartnerIds: [a.partners.jc],
      }),
    };
  });

  it('answers the same on the board (in its one statement) and on a single task, per role', async () => {
    for (const [user, may] of Object.entries(expected)) {
      const token = a.users[user].token;
      const board = await t.gql(
        `query($a: ID!) { tasks(allianceId: $a, first: 100) { edges { node { id ${CAN} } } } }`,
        { a: a.allianceId },
        token,
      );
      expect(board.errors).toBeUndefined();
      // The sign-in check and the page: the partners' organisations come with the page.
      expect(board.statements).toBe(2);
      const byId = new Map(board.data.tasks.edges.map((e: any) => [e.node.id, e.node.viewerCan]));
      for (const [name, id] of Object.entries(tasks) as [keyof typeof tasks, string][]) {
        expect([user, name, byId.get(id)]).toEqual([user, name, all(may[name])]);
        const one = await t.gql(`query($id: ID!) { task(id: $id) { ${CAN} } }`, { id }, token);
        expect([user, name, one.data.task.viewerCan]).toEqual([user, name, all(may[name])]);
      }
    }
  });

  it('Alliance.taskPermissions says who may create tasks, and whether their organisation must take part', async () => {
    const rights: Record<string, [boolean, boolean]> = {
      coord: [true, false],
      member: [true, true],
      fac: [true, true],
      observer: [false, false],
      admin: [false, false],
    };
    for (const [user, [createTask, ownOrganisationTakesPart]] of Object.entries(rights)) {
      const token = a.users[user].token;
      const res = await t.gql(
        'query($a: ID!) { alliance(id: $a) { taskPermissions { createTask ownOrganisationTakesPart } } }',
        { a: a.allianceId },
        token,
      );
      expect([user, res.data.alliance.taskPermissions]).toEqual([
        user,
        { createTask, ownOrganisationTakesPart },
      ]);
      // The city's task without the caller's organisation: only who may create for any partner may.
      const created = await t.gql(
        'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
        { i: { allianceId: a.allianceId, title: `Von ${user}`, leadPartnerId: a.partners.city } },
        token,
      );
      const allowed = createTask && !ownOrganisationTakesPart;
      expect([user, codes(created)]).toEqual([user, allowed ? [] : ['FORBIDDEN']]);
    }
  });

  it('offers exactly what the mutations then carry out: a refused one is FORBIDDEN, an offered one succeeds', async () => {
    for (const [user, may] of Object.entries(expected)) {
      for (const [name, id] of Object.entries(tasks) as [keyof typeof tasks, string][]) {
        const res = await t.gql(
          'mutation($t: ID!, $b: String!) { commentOnTask(taskId: $t, body: $b) { id } }',
          { t: id, b: `Hinweis von ${user}` },
          a.users[user].token,
        );
        expect([user, name, codes(res)]).toEqual([user, name, may[name] ? [] : ['FORBIDDEN']]);
      }
    }
    // A change of partners changes the answer with it: the agency joins the Jobcenter's own task.
    const before = await t.gql(
      `query($id: ID!) { task(id: $id) { version ${CAN} } }`,
      { id: tasks.own },
      a.users.member2.token,
    );
    expect(before.data.task.viewerCan).toEqual(all(false));
    const joined = await t.gql(
      'mutation($id: ID!, $i: UpdateTaskInput!) { updateTask(id: $id, input: $i) { id } }',
      {
        id: tasks.own,
        i: { expectedVersion: before.data.task.version, contributingPartnerIds: [a.partners.agency] },
      },
      a.users.member.token,
    );
    expect(joined.errors).toBeUndefined();
    const after = await t.gql(
      `query($id: ID!) { task(id: $id) { ${CAN} } }`,
      { id: tasks.own },
      a.users.member2.token,
    );
    expect(after.data.task.viewerCan).toEqual(all(true));
  });
});
