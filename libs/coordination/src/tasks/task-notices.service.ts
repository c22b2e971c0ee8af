import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, NOTIFIER, type NotificationKind, type Notifier } from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { TaskStatus } from '../coordination.enums.js';
import type { TaskEntity } from './task.entities.js';
import { type NoticeTask, TaskNoticeRepository } from './task-notice.repository.js';

/** An organisation newly on a task. */
export interface AddedOrganisation {
  organisationId: string;
  role: 'LEAD' | 'CONTRIBUTOR';
}

/**
 * Who hears of what happens to tasks. Every member of an alliance may read its tasks, so the
 * recipients are members of the task's alliance only (identity answers who they are): the
 * assignee, and the members of the organisations concerned. Written in the change's transaction
 * through the NOTIFIER port; task titles carry no client's data (tasks never do, DESIGN.md).
 */
@Injectable()
export class TaskNotices {
  constructor(
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly alliances: AllianceService,
    private readonly repo: TaskNoticeRepository,
  ) {}

  /** New tasks: the assignee is told, and the members of the lead and contributing organisations. */
  async created(
    em: EntityManager,
    actor: Actor,
    tasks: TaskEntity[],
    organisations: AddedOrganisation[][],
  ): Promise<void> {
    if (!tasks.length) return;
    const actorName = await this.actorName(em, actor);
    for (const [i, task] of tasks.entries()) {
      await this.assigned(em, actor, task, actorName);
      await this.organisationsAdded(em, actor, task, organisations[i] ?? [], actorName);
    }
  }

  /** A change: a new assignee, organisations newly on the task, and, once done, the tasks waiting on it. */
  async changed(
    em: EntityManager,
    actor: Actor,
    before: TaskEntity,
    after: TaskEntity,
    added: AddedOrganisation[],
  ): Promise<void> {
    const newAssignee = !!after.assigneeId && after.assigneeId !== before.assigneeId;
    const done = after.status === TaskStatus.DONE && before.status !== TaskStatus.DONE;
    if (!newAssignee && !added.length && !done) return;
    const actorName = await this.actorName(em, actor);
    if (newAssignee) await this.assigned(em, actor, after, actorName);
    await this.organisationsAdded(em, actor, after, added, actorName);
    if (done) await this.unblocked(em, actor, after);
  }

  /** A comment: the assignee and the members of the lead organisation. */
  async commented(em: EntityManager, actor: Actor, task: TaskEntity): Promise<void> {
    const [recipients] = await this.responsible(em, task.allianceId, [task], true);
    await this.notify(em, actor, 'TASK_COMMENTED', task, recipients, {
      actorName: await this.actorName(em, actor),
    });
  }

  /** A deadline (the daily job): the assignee, or without one the lead organisation's members. */
  async deadline(
    em: EntityManager,
    task: NoticeTask,
    kind: 'TASK_DUE_SOON' | 'TASK_OVERDUE',
  ): Promise<number> {
    const [recipients] = await this.responsible(em, task.allianceId, [task], false);
    return this.notifier.notify(em, {
      kind,
      recipientUserIds: recipients,
      allianceId: task.allianceId,
      objectType: 'Task',
      objectId: task.id,
      params: { taskTitle: task.title, dueDate: task.dueOn ?? '' },
      dedupeKey: `${kind === 'TASK_DUE_SOON' ? 'soon' : 'overdue'}:${task.dueOn}`,
    });
  }

  private async unblocked(em: EntityManager, actor: Actor, blocker: TaskEntity): Promise<void> {
    const waiting = await this.repo.waitingOn(em, blocker.allianceId, blocker.id);
    if (!waiting.length) return;
    const recipients = await this.responsible(em, blocker.allianceId, waiting, false);
    for (const [i, task] of waiting.entries())
      await this.notify(em, actor, 'TASK_UNBLOCKED', task, recipients[i], { blockerTitle: blocker.title });
  }

  private async assigned(em: EntityManager, actor: Actor, task: TaskEntity, actorName: string) {
    if (!task.assigneeId) return;
    // Validated as a member of the alliance from an organisation on the task when assigned.
    await this.notify(em, actor, 'TASK_ASSIGNED', task, [task.assigneeId], { actorName });
  }

  private async organisationsAdded(
    em: EntityManager,
    actor: Actor,
    task: TaskEntity,
    added: AddedOrganisation[],
    actorName: string,
  ): Promise<void> {
    if (!added.length) return;
    const ids = added.map((a) => a.organisationId);
    const [members, organisations] = await Promise.all([
      this.users.activeMembersByOrganisation(em, task.allianceId, ids),
      // In the transaction: an organisation created with the task (the demo data) is seen too.
      this.alliances.organisationsIn(em, ids),
    ]);
    for (const [i, a] of added.entries()) {
      const name = organisations[i]?.name ?? '';
      // The assignee already hears of the task itself.
      const recipients = (members.get(a.organisationId) ?? []).filter((id) => id !== task.assigneeId);
      await this.notify(em, actor, 'TASK_PARTNER_ADDED', task, recipients, {
        actorName,
        organisationName: name,
        role: a.role,
      });
    }
  }

  /**
   * Per task, those responsible: its assignee while still a member of the alliance, plus (with
   * `andLead`, or when nobody is assigned) the members of its lead organisation.
   */
  private async responsible(
    em: EntityManager,
    allianceId: string,
    tasks: { assigneeId: string | null; leadPartnerId: string }[],
    andLead: boolean,
  ): Promise<string[][]> {
    const assignees = tasks.map((t) => t.assigneeId).filter((id): id is string => !!id);
    const [memberOrgs, partners] = await Promise.all([
      this.users.organisationsOfMembers(em, allianceId, assignees),
      this.alliances.partnersIn(
        em,
        allianceId,
        tasks.map((t) => t.leadPartnerId),
      ),
    ]);
    const leadOrg = new Map(partners.map((p) => [p.id, p.organisationId]));
    const needLead = tasks.filter((t) => andLead || !t.assigneeId || !memberOrgs.has(t.assigneeId));
    const orgs = [
      ...new Set(needLead.map((t) => leadOrg.get(t.leadPartnerId)).filter((o): o is string => !!o)),
    ];
    const members = await this.users.activeMembersByOrganisation(em, allianceId, orgs);
    return tasks.map((t) => {
      const assignee = t.assigneeId && memberOrgs.has(t.assigneeId) ? [t.assigneeId] : [];
      const lead = andLead || !assignee.length ? (members.get(leadOrg.get(t.leadPartnerId) ?? '') ?? []) : [];
      return [...assignee, ...lead];
    });
  }

  private notify(
    em: EntityManager,
    actor: Actor,
    kind: NotificationKind,
    task: { id: string; allianceId: string; title: string },
    recipients: string[],
    params: Record<string, string>,
  ): Promise<number> {
    return this.notifier.notify(em, {
      kind,
      recipientUserIds: recipients,
      allianceId: task.allianceId,
      objectType: 'Task',
      objectId: task.id,
      params: { taskTitle: task.title, ...params },
      actorId: actor.userId,
    });
  }

  private async actorName(em: EntityManager, actor: Actor): Promise<string> {
    return (await this.users.find(em, actor.userId))?.displayName ?? '';
  }
}
