import { type Actor, DomainError, hasRole, Role } from '../../../core/src/index.js';

/**
 * Who may change which task: the one rule behind updateTask, addTaskDependency,
 * removeTaskDependency and commentOnTask, and behind `Task.viewerCan`, so a screen offers exactly
 * what the API would carry out.
 *
 * - ANY: a COORDINATOR of the task's alliance changes any of its tasks;
 * - INVOLVED: a MEMBER or FACILITATOR changes the tasks their organisation leads or contributes to;
 * - NONE: everyone else (OBSERVER, CASE_WORKER, ALLIANCE_ADMIN alone) only reads.
 */
export type TaskWriteRight = 'ANY' | 'INVOLVED' | 'NONE';

export function taskWriteRight(actor: Actor, allianceId: string): TaskWriteRight {
  if (hasRole(actor, allianceId, Role.COORDINATOR)) return 'ANY';
  if (hasRole(actor, allianceId, Role.MEMBER, Role.FACILITATOR)) return 'INVOLVED';
  return 'NONE';
}

/**
 * Why the actor may not change a task of `allianceId` whose lead and contributing partners belong
 * to `involvedOrganisationIds`; null when they may. (Visibility is checked before: a task outside
 * the actor's alliances is NOT_FOUND, never FORBIDDEN.)
 */
export function taskWriteRefusal(
  actor: Actor,
  allianceId: string,
  involvedOrganisationIds: readonly string[],
): DomainError | null {
  const right = taskWriteRight(actor, allianceId);
  if (right === 'ANY') return null;
  if (right === 'INVOLVED')
    return involvedOrganisationIds.includes(actor.organisationId)
      ? null
      : DomainError.forbidden('Only tasks your organisation leads or contributes to');
  return DomainError.forbidden('Requires one of the roles COORDINATOR, MEMBER, FACILITATOR');
}
