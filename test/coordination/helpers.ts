import { anAlliance, type BuiltAlliance, expectData } from '../utils/builders.js';
import type { TestApp } from '../utils/test-app.js';

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
