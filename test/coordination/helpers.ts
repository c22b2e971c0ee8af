import { anAlliance, type BuiltAlliance, expectData } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

export const TASK_FIELDS = `id version status priority title description dueOn completedAt createdAt updatedAt
  leadPartner { id } contributingPartners { id } assignee { id } goal { id } blockedBy { id } blocking { id }`;

/**
 * Three active partners (city, jc, agency), a prospective one (uni), and a user per role:
 * coord (city, COORDINATOR), member (jc, MEMBER), member2 (agency, MEMBER), fac (agency,
 * FACILITATOR), observer (city, OBSERVER), admin (city, ALLIANCE_ADMIN).
 */
export function aCoordinationAlliance(t: TestApp): Promise<BuiltAlliance> {
  return anAlliance(t, {
    partners: {
      city: {},
      jc: { kind: 'JOBCENTER' },
      agency: { kind: 'EMPLOYMENT_AGENCY' },
      uni: { kind: 'UNIVERSITY', status: 'PROSPECTIVE' },
    },
    users: {
      coord: { org: 'city', roles: ['COORDINATOR'] },
      member: { org: 'jc', roles: ['MEMBER'] },
      member2: { org: 'agency', roles: ['MEMBER'] },
      fac: { org: 'agency', roles: ['FACILITATOR'] },
      observer: { org: 'city', roles: ['OBSERVER'] },
      admin: { org: 'city', roles: ['ALLIANCE_ADMIN'] },
    },
  });
}

/** An alliance with one partner "x" and its coordinator: the outsider of the coordination specs. */
export function anotherAlliance(t: TestApp): Promise<BuiltAlliance> {
  return anAlliance(t, {
    partners: { x: {} },
    users: { coord: { org: 'x', roles: ['COORDINATOR'] } },
  });
}

/**
 * The set-up the coordination specs share: a fresh app, `aCoordinationAlliance` and `anotherAlliance`
 * before the file's tests, the app closed after them. `use` receives all three.
 */
export function withCoordinationApp(use: (t: TestApp, a: BuiltAlliance, other: BuiltAlliance) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    use(app, await aCoordinationAlliance(app), await anotherAlliance(app));
  });
  afterAll(() => app?.close());
}

/** The smallest valid task input of alliance `a`, led by the Jobcenter. */
export function baseTask(a: BuiltAlliance) {
  return {
    allianceId: a.allianceId,
    title: 'Sprachkurs für Pflegekräfte organisieren',
    leadPartnerId: a.partners.jc,
  };
}

export const GOAL_FIELDS =
  'id title description status startsOn dueOn parent { id } children { id } ownerPartners { id } alliance { id } taskProgress';

export async function createTask(t: TestApp, token: string, input: Record<string, unknown>): Promise<any> {
  const { createTask } = await expectData(
    t,
    `mutation($i: CreateTaskInput!) { createTask(input: $i) { ${TASK_FIELDS} } }`,
    { i: input },
    token,
  );
  return createTask;
}

export async function createGoal(t: TestApp, token: string, input: Record<string, unknown>): Promise<any> {
  const { createGoal } = await expectData(
    t,
    'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id title status parent { id } } }',
    { i: input },
    token,
  );
  return createGoal;
}

export function updateTask(t: TestApp, token: string, id: string, input: Record<string, unknown>) {
  return t.gql(
    `mutation($id: ID!, $i: UpdateTaskInput!) { updateTask(id: $id, input: $i) { ${TASK_FIELDS} } }`,
    { id, i: input },
    token,
  );
}

export function addDependency(t: TestApp, token: string, taskId: string, blockedById: string) {
  return t.gql(
    'mutation($t: ID!, $b: ID!) { addTaskDependency(taskId: $t, blockedById: $b) { id version blockedBy { id } } }',
    { t: taskId, b: blockedById },
    token,
  );
}

/** Audit entries of one entity, oldest first, read as the platform administrator. */
export async function auditOf(
  t: TestApp,
  entityId: string,
): Promise<{ action: string; changedFields: string[]; actor: { id: string } | null }[]> {
  const { auditLog } = await expectData(
    t,
    'query($id: ID!) { auditLog(entityId: $id, first: 100) { edges { node { action changedFields actor { id } } } } }',
    { id: entityId },
    await t.adminToken(),
  );
  return auditLog.edges.map((e: any) => e.node);
}
