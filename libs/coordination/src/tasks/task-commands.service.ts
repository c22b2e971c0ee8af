import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  type FieldError,
  isMember,
  isUuid,
  presentFields,
  FieldRule,
} from '../../../core/src/index.js';
import { type PartnerEntity, PartnerStatus } from '../../../alliance/src/index.js';
import { TaskChange, TaskPriority } from '../coordination.enums.js';
import { TaskEventsService } from '../events/task-events.service.js';
import type { TaskCommentEntity, TaskEntity } from './task.entities.js';
import type { CreateTaskInput, UpdateTaskInput } from './task.inputs.js';
import { TaskAccess } from './task-access.service.js';
import { type AddedOrganisation, TaskNotices } from './task-notices.service.js';
import { TaskWriteRepository } from './task-write.repository.js';
import { taskWriteRight } from './task-rules.js';

/** A task to create: `createTask`'s input, or a follow-up task of a meeting decision. */
export interface NewTask {
  title: string;
  description?: string | null;
  leadPartnerId: string;
  assigneeId?: string | null;
  dueOn?: string | null;
  goalId?: string | null;
  priority?: TaskPriority | null;
  contributingPartnerIds?: string[] | null;
}

/** Changes of tasks: each one transaction with its audit entry, announced after commit. */
@Injectable()
export class TaskCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: TaskWriteRepository,
    private readonly access: TaskAccess,
    private readonly audit: AuditService,
    private readonly events: TaskEventsService,
    private readonly notices: TaskNotices,
  ) {}

  /** COORDINATOR: any task; MEMBER/FACILITATOR: tasks their organisation leads or contributes to. */
  async createTask(actor: Actor, input: CreateTaskInput): Promise<TaskEntity> {
    if (!isMember(actor, input.allianceId)) throw DomainError.notFound('Alliance');
    const right = taskWriteRight(actor, input.allianceId);
    if (right === 'NONE')
      throw DomainError.forbidden('Requires one of the roles COORDINATOR, MEMBER, FACILITATOR');
    return this.dataSource.transaction(async (em) => {
      const [task] = await this.insertTasks(
        em,
        actor,
        input.allianceId,
        [input],
        () => 'input',
        'createTask',
        null,
        (partners) => {
          if (right === 'INVOLVED' && !partners.some((p) => p.organisationId === actor.organisationId)) {
            throw DomainError.forbidden('Your organisation must lead or contribute to the task');
          }
        },
      );
      return task;
    });
  }

  /**
   * For the meetings context: creates tasks inside the caller's transaction (e.g. a decision's
   * follow-up tasks). Validates like createTask, reporting errors as `${pathPrefix}.${index}.field`;
   * audits each task and announces it after commit. The caller has checked the actor's right.
   */
  createTasks(
    em: EntityManager,
    actor: Actor,
    allianceId: string,
    inputs: NewTask[],
    opts: { decisionId?: string; pathPrefix: string; action?: string },
  ): Promise<TaskEntity[]> {
    return this.insertTasks(
      em,
      actor,
      allianceId,
      inputs,
      (i) => `${opts.pathPrefix}.${i}`,
      opts.action ?? (opts.decisionId ? 'recordDecision' : 'createTask'),
      opts.decisionId ?? null,
    );
  }

  private async insertTasks(
    em: EntityManager,
    actor: Actor,
    allianceId: string,
    inputs: NewTask[],
    pathOf: (index: number) => string,
    action: string,
    decisionId: string | null,
    authorize?: (partners: PartnerEntity[]) => void,
  ): Promise<TaskEntity[]> {
    if (!inputs.length) return [];
    const ctx = await this.access.validationContext(em, allianceId, {
      partnerIds: inputs.flatMap((i) => [i.leadPartnerId, ...(i.contributingPartnerIds ?? [])]),
      goalIds: inputs.map((i) => i.goalId).filter((id): id is string => !!id),
      userIds: inputs.map((i) => i.assigneeId).filter((id): id is string => !!id),
    });
    const errors: FieldError[] = [];
    const rows = inputs.map((input, index) => {
      const path = pathOf(index);
      const title = input.title?.trim() ?? '';
      if (!title || title.length > 300)
        errors.push({
          path: `${path}.title`,
          message: 'must be between 1 and 300 characters',
          rule: FieldRule.LENGTH,
        });
      const lead = ctx.partner(input.leadPartnerId);
      if (!lead || lead.status !== PartnerStatus.ACTIVE)
        errors.push({
          path: `${path}.leadPartnerId`,
          message: 'must be an active partner of this alliance',
          rule: FieldRule.NOT_ACTIVE_PARTNER,
        });
      const contributing = [...new Set(input.contributingPartnerIds ?? [])].filter(
        (id) => id !== input.leadPartnerId,
      );
      if (contributing.some((id) => ctx.partner(id)?.status !== PartnerStatus.ACTIVE)) {
        errors.push({
          path: `${path}.contributingPartnerIds`,
          message: 'must be active partners of this alliance',
          rule: FieldRule.NOT_ACTIVE_PARTNER,
        });
      }
      if (input.goalId && !ctx.goals.has(input.goalId))
        errors.push({
          path: `${path}.goalId`,
          message: 'must be a goal of this alliance',
          rule: FieldRule.NOT_IN_ALLIANCE,
        });
      const involved = [lead, ...contributing.map((id) => ctx.partner(id))].filter(
        (p): p is PartnerEntity => !!p,
      );
      if (input.assigneeId) {
        const org = ctx.members.get(input.assigneeId);
        if (!org || !involved.some((p) => p.organisationId === org)) {
          errors.push({
            path: `${path}.assigneeId`,
            message: 'must be a member of this alliance from the lead or a contributing organisation',
            rule: FieldRule.ASSIGNEE_NOT_INVOLVED,
          });
        }
      }
      return { input, title, contributing, involved };
    });
    if (errors.length) throw DomainError.badInput(errors);
    if (authorize) for (const r of rows) authorize(r.involved);

    const tasks = await this.writes.insert(
      em,
      allianceId,
      actor.userId,
      decisionId,
      rows.map(({ input, title }) => ({
        goalId: input.goalId ?? null,
        title,
        description: input.description?.trim() || null,
        priority: input.priority ?? TaskPriority.NORMAL,
        leadPartnerId: input.leadPartnerId,
        assigneeId: input.assigneeId ?? null,
        dueOn: input.dueOn ?? null,
      })),
    );
    await this.writes.addContributors(
      em,
      rows.flatMap((r, i) => r.contributing.map((partnerId): [string, string] => [tasks[i].id, partnerId])),
    );
    for (const [i, task] of tasks.entries()) {
      const fields = presentFields(rows[i].input as object).filter((f) => f !== 'allianceId');
      await this.audit.append(em, {
        actorId: actor.userId,
        action,
        entityType: 'Task',
        entityId: task.id,
        allianceId,
        changedFields: fields,
      });
    }
    this.events.schedule(em, TaskChange.CREATED, tasks);
    await this.notices.created(
      em,
      actor,
      tasks,
      rows.map((r) =>
        r.involved.map((p, i): AddedOrganisation => ({
          organisationId: p.organisationId,
          role: i === 0 ? 'LEAD' : 'CONTRIBUTOR',
        })),
      ),
    );
    return tasks;
  }

  /** Optimistic locking: a stale expectedVersion answers CONFLICT and changes nothing. */
  async updateTask(actor: Actor, id: string, input: UpdateTaskInput): Promise<TaskEntity> {
    return this.dataSource.transaction(async (em) => {
      const { task, contributing: currentContributing } = await this.access.lockForWrite(em, actor, id);
      if (task.version !== input.expectedVersion) {
        throw DomainError.conflict(
          `The task was changed in the meantime (now version ${task.version}); reload it and try again`,
        );
      }
      const fields = presentFields(input).filter((f) => f !== 'expectedVersion');
      if (!fields.length) return task;

      const lead = input.leadPartnerId ?? task.leadPartnerId;
      const contributing =
        input.contributingPartnerIds !== undefined
          ? [...new Set(input.contributingPartnerIds)]
          : currentContributing;
      const finalContributing = contributing.filter((p) => p !== lead);
      const assigneeId = input.assigneeId !== undefined ? input.assigneeId : task.assigneeId;
      const ctx = await this.access.validationContext(em, task.allianceId, {
        partnerIds: [lead, ...finalContributing],
        goalIds: input.goalId ? [input.goalId] : [],
        userIds: assigneeId ? [assigneeId] : [],
      });
      const errors: FieldError[] = [];
      // Partners newly named must be active; those already on the task may stay after leaving.
      if (
        input.leadPartnerId !== undefined &&
        lead !== task.leadPartnerId &&
        ctx.partner(lead)?.status !== PartnerStatus.ACTIVE
      ) {
        errors.push({
          path: 'input.leadPartnerId',
          message: 'must be an active partner of this alliance',
          rule: FieldRule.NOT_ACTIVE_PARTNER,
        });
      }
      const added = finalContributing.filter(
        (p) => !currentContributing.includes(p) && p !== task.leadPartnerId,
      );
      if (
        added.some((p) => ctx.partner(p)?.status !== PartnerStatus.ACTIVE) ||
        finalContributing.some((p) => !ctx.partner(p))
      ) {
        errors.push({
          path: 'input.contributingPartnerIds',
          message: 'must be active partners of this alliance',
          rule: FieldRule.NOT_ACTIVE_PARTNER,
        });
      }
      if (input.goalId && !ctx.goals.has(input.goalId))
        errors.push({
          path: 'input.goalId',
          message: 'must be a goal of this alliance',
          rule: FieldRule.NOT_IN_ALLIANCE,
        });
      const partnersChanged = input.leadPartnerId !== undefined || input.contributingPartnerIds !== undefined;
      if (assigneeId && (input.assigneeId !== undefined || partnersChanged)) {
        const org = ctx.members.get(assigneeId);
        const involved = [lead, ...finalContributing].map((p) => ctx.partner(p)?.organisationId);
        if (!org || !involved.includes(org)) {
          errors.push({
            path: 'input.assigneeId',
            message: 'must be a member of this alliance from the lead or a contributing organisation',
            rule: FieldRule.ASSIGNEE_NOT_INVOLVED,
          });
        }
      }
      if (errors.length) throw DomainError.badInput(errors);

      const before = { ...task };
      const updated = await this.writes.update(em, task, {
        title: input.title?.trim(),
        description: input.description !== undefined ? input.description?.trim() || null : undefined,
        priority: input.priority,
        leadPartnerId: input.leadPartnerId !== undefined ? lead : undefined,
        assigneeId: input.assigneeId,
        dueOn: input.dueOn,
        goalId: input.goalId,
        status: input.status,
      });
      if (partnersChanged) await this.writes.replaceContributors(em, id, finalContributing);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateTask',
        entityType: 'Task',
        entityId: id,
        allianceId: task.allianceId,
        changedFields: fields,
      });
      this.events.schedule(em, TaskChange.UPDATED, [updated]);
      const newOrganisations: AddedOrganisation[] = [
        ...(lead !== task.leadPartnerId ? [{ partnerId: lead, role: 'LEAD' as const }] : []),
        ...added.map((partnerId) => ({ partnerId, role: 'CONTRIBUTOR' as const })),
      ].flatMap(({ partnerId, role }) => {
        const organisationId = ctx.partner(partnerId)?.organisationId;
        return organisationId ? [{ organisationId, role }] : [];
      });
      await this.notices.changed(em, actor, before, updated, newOrganisations);
      return updated;
    });
  }

  /** A dependency that would close a cycle answers BAD_USER_INPUT; checked under a per-alliance lock. */
  async addDependency(actor: Actor, taskId: string, blockedById: string): Promise<TaskEntity> {
    return this.dataSource.transaction(async (em) => {
      const { task } = await this.access.lockForWrite(em, actor, taskId, true);
      if (!isUuid(blockedById))
        throw DomainError.field(
          'blockedById',
          'must be a task of the same alliance',
          FieldRule.NOT_IN_ALLIANCE,
        );
      if (blockedById === taskId)
        throw DomainError.field('blockedById', 'a task cannot block itself', FieldRule.SELF_REFERENCE);
      if (!(await this.writes.existsInAlliance(em, blockedById, task.allianceId)))
        throw DomainError.field(
          'blockedById',
          'must be a task of the same alliance',
          FieldRule.NOT_IN_ALLIANCE,
        );
      const check = await this.writes.dependencyCheck(em, taskId, blockedById);
      if (check.present) return task;
      if (check.cycle)
        throw DomainError.field('blockedById', 'would close a cycle of dependencies', FieldRule.CYCLE);
      await this.writes.addDependency(em, task, blockedById);
      return this.touch(em, actor, task, 'addTaskDependency', ['blockedBy']);
    });
  }

  async removeDependency(actor: Actor, taskId: string, blockedById: string): Promise<TaskEntity> {
    return this.dataSource.transaction(async (em) => {
      const { task } = await this.access.lockForWrite(em, actor, taskId, true);
      if (!isUuid(blockedById)) return task;
      if (!(await this.writes.removeDependency(em, task, blockedById))) return task;
      return this.touch(em, actor, task, 'removeTaskDependency', ['blockedBy']);
    });
  }

  async comment(actor: Actor, taskId: string, body: string): Promise<TaskCommentEntity> {
    const text = typeof body === 'string' ? body.trim() : '';
    return this.dataSource.transaction(async (em) => {
      const { task } = await this.access.lockForWrite(em, actor, taskId);
      if (!text || text.length > 10_000)
        throw DomainError.field('body', 'must be between 1 and 10000 characters', FieldRule.LENGTH);
      const comment = await this.writes.addComment(em, task, actor.userId, text);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'commentOnTask',
        entityType: 'Comment',
        entityId: comment.id,
        allianceId: task.allianceId,
        changedFields: ['body'],
      });
      this.events.schedule(em, TaskChange.COMMENTED, [task]);
      await this.notices.commented(em, actor, task);
      return comment;
    });
  }

  /** Bumps version and updatedAt for a change outside the task row (dependencies), audits, announces. */
  private async touch(
    em: EntityManager,
    actor: Actor,
    task: TaskEntity,
    action: string,
    fields: string[],
  ): Promise<TaskEntity> {
    const updated = await this.writes.touch(em, task);
    await this.audit.append(em, {
      actorId: actor.userId,
      action,
      entityType: 'Task',
      entityId: task.id,
      allianceId: task.allianceId,
      changedFields: fields,
    });
    this.events.schedule(em, TaskChange.UPDATED, [updated]);
    return updated;
  }
}
