import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  type Actor,
  allianceScope,
  AuditService,
  decodeCursor,
  DomainError,
  type FieldError,
  groupBy,
  byKey,
  hasRole,
  isMember,
  isUuid,
  LoaderRegistry,
  memberAllianceIds,
  type Page,
  pageSize,
  presentFields,
  Role,
  todayInBerlin,
  toPage,
} from '../../../core/src/index.js';
import {
  AllianceService,
  OrganisationEntity,
  PartnerEntity,
  PartnerStatus,
} from '../../../alliance/src/index.js';
import { UserEntity } from '../../../identity/src/index.js';
import { TaskChange, TaskOrder, TaskPriority, TaskStatus } from '../coordination.enums.js';
import { TaskEventsService } from '../events/task-events.service.js';
import { TASK_COLUMNS, TaskCommentEntity, TaskEntity, taskFromRow } from './task.entities.js';
import type { CreateTaskInput, TaskFilter, UpdateTaskInput } from './task.inputs.js';

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

/** Serialises dependency changes per alliance (two-key advisory lock space: no clash with single keys). */
const DEPENDENCY_LOCK = 4_711_300;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

interface SortSpec {
  key: string;
  type: string;
  desc: boolean;
  valid: (v: string) => boolean;
}

const SORTS: Record<string, SortSpec> = {
  CREATED: { key: 't.created_at', type: 'timestamptz', desc: false, valid: (v) => TIMESTAMP.test(v) },
  [TaskOrder.DUE_ON]: {
    key: "coalesce(t.due_on, 'infinity'::date)",
    type: 'date',
    desc: false,
    valid: (v) => v === 'infinity' || /^\d{4}-\d{2}-\d{2}$/.test(v),
  },
  [TaskOrder.PRIORITY]: {
    key: 't.priority_rank',
    type: 'smallint',
    desc: false,
    valid: (v) => /^[0-3]$/.test(v),
  },
  [TaskOrder.UPDATED_AT]: {
    key: 't.updated_at',
    type: 'timestamptz',
    desc: true,
    valid: (v) => TIMESTAMP.test(v),
  },
};

class Sql {
  readonly params: unknown[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
}

@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: TaskEventsService,
    private readonly alliances: AllianceService,
  ) {}

  // ── reads ──────────────────────────────────────────────────

  /** null when it does not exist or the caller is not a member of its alliance. */
  async get(actor: Actor, id: string): Promise<TaskEntity | null> {
    if (!isUuid(id)) return null;
    const rows = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.alliance_id = ANY($2::uuid[]))`,
      [id, allianceScope(actor)],
    );
    return rows.length ? taskFromRow(rows[0]) : null;
  }

  /** An alliance's tasks; empty for anyone who is not a member (the alliance is invisible to them). */
  list(
    actor: Actor,
    allianceId: string,
    filter: TaskFilter | null | undefined,
    orderBy: TaskOrder | null | undefined,
    first?: number | null,
    after?: string | null,
  ) {
    const limit = pageSize(first);
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) {
      decodeCursor(after || null, 3);
      return Promise.resolve(toPage<TaskEntity>([], limit, 0, () => []));
    }
    const sql = new Sql();
    const where = [`t.alliance_id = ${sql.p(allianceId)}`];
    const f = filter ?? {};
    if (f.status?.length) where.push(`t.status = ANY(${sql.p(f.status)}::text[])`);
    if (f.leadPartnerId) where.push(`t.lead_partner_id = ${sql.p(f.leadPartnerId)}`);
    if (f.partnerId) {
      const p = sql.p(f.partnerId);
      where.push(
        `(t.lead_partner_id = ${p} OR EXISTS (SELECT 1 FROM task_contributing_partners cp WHERE cp.task_id = t.id AND cp.partner_id = ${p}))`,
      );
    }
    if (f.assigneeId) where.push(`t.assignee_id = ${sql.p(f.assigneeId)}`);
    if (f.goalId) where.push(`t.goal_id = ${sql.p(f.goalId)}`);
    if (f.overdue !== undefined && f.overdue !== null) {
      const overdue = `(t.due_on < ${sql.p(todayInBerlin())}::date AND t.status NOT IN ('DONE', 'CANCELLED'))`;
      where.push(f.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
    }
    const search = f.search?.trim();
    if (search) where.push(`t.search_vector @@ coordination_search_query(${sql.p(search)})`);
    return this.page(sql, where, orderBy || 'CREATED', limit, after);
  }

  /** The caller's assigned tasks in the alliances they belong to, oldest first. */
  mine(actor: Actor, first?: number | null, after?: string | null) {
    const limit = pageSize(first);
    const sql = new Sql();
    const where = [`t.assignee_id = ${sql.p(actor.userId)}`];
    if (!actor.platformAdmin) where.push(`t.alliance_id = ANY(${sql.p(memberAllianceIds(actor))}::uuid[])`);
    return this.page(sql, where, 'CREATED', limit, after);
  }

  /** A goal's tasks, oldest first (the goal is visible to the caller). */
  ofGoal(
    goal: { id: string; allianceId: string },
    first?: number | null,
    after?: string | null,
    loaders?: LoaderRegistry,
  ) {
    const limit = pageSize(first);
    // First pages of many goals (a goal tree with its tasks) load together, in one statement.
    if (!after && loaders)
      return this.firstPagesOfGoals(loaders, limit).load(`${goal.allianceId}/${goal.id}`);
    const sql = new Sql();
    return this.page(
      sql,
      [`t.alliance_id = ${sql.p(goal.allianceId)}`, `t.goal_id = ${sql.p(goal.id)}`],
      'CREATED',
      limit,
      after,
    );
  }

  /** Keys are `allianceId/goalId`; each goal's first `limit` tasks (oldest first) with its exact count. */
  private firstPagesOfGoals(loaders: LoaderRegistry, limit: number) {
    return loaders.get<string, Page<TaskEntity>>(`tasks.firstPageOfGoal.${limit}`, async (keys) => {
      const pairs = keys.map((k) => k.split('/'));
      const sort = SORTS.CREATED;
      const rows: any[] = await this.dataSource.query(
        `SELECT * FROM (
           SELECT ${TASK_COLUMNS}, (${sort.key})::text AS sort_key, t.goal_id AS page_goal_id,
                  row_number() OVER (PARTITION BY t.goal_id ORDER BY ${sort.key}, t.id) AS page_row,
                  count(*) OVER (PARTITION BY t.goal_id)::int AS total_count
             FROM tasks t
            WHERE t.alliance_id = ANY($1::uuid[]) AND t.goal_id = ANY($2::uuid[])
         ) ranked
         WHERE page_row <= $3
         ORDER BY page_goal_id, page_row`,
        [[...new Set(pairs.map(([a]) => a))], pairs.map(([, g]) => g), limit + 1],
      );
      const byGoal = groupBy(
        pairs.map(([, g]) => g),
        rows,
        (r) => r.page_goal_id,
      );
      return byGoal.map((goalRows) => {
        const keysOf = new Map<string, string>(goalRows.map((r: any) => [r.id, r.sort_key]));
        return toPage(goalRows.map(taskFromRow), limit, goalRows[0]?.total_count ?? 0, (t) => [
          'CREATED',
          keysOf.get(t.id),
          t.id,
        ]);
      });
    });
  }

  /** Keyset page: ordered by the sort key with id as tie-breaker; totalCount over the whole filter. */
  private async page(
    sql: Sql,
    where: string[],
    order: string,
    limit: number,
    after?: string | null,
  ): Promise<Page<TaskEntity>> {
    const sort = SORTS[order];
    const cursor = decodeCursor(after || null, 3);
    const filter = where.join(' AND ');
    const countParams = [...sql.params];
    const pageWhere = [...where];
    if (cursor) {
      const [o, key, id] = cursor;
      if (o !== order || typeof key !== 'string' || !sort.valid(key) || !isUuid(id))
        throw DomainError.field('after', 'is not a valid cursor');
      pageWhere.push(
        `(${sort.key}, t.id) ${sort.desc ? '<' : '>'} (${sql.p(key)}::${sort.type}, ${sql.p(id)}::uuid)`,
      );
    }
    const dir = sort.desc ? 'DESC' : 'ASC';
    // One statement: the page and, alongside, the exact count over the whole filter.
    const rows: any[] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS}, (${sort.key})::text AS sort_key, (SELECT count(*) FROM tasks t WHERE ${filter})::int AS total_count
         FROM tasks t WHERE ${pageWhere.join(' AND ')}
        ORDER BY ${sort.key} ${dir}, t.id ${dir} LIMIT ${limit + 1}`,
      sql.params,
    );
    // An empty page after a cursor says nothing about the count: ask for it.
    const totalCount = rows.length
      ? rows[0].total_count
      : cursor
        ? (
            await this.dataSource.query(
              `SELECT count(*)::int AS count FROM tasks t WHERE ${filter}`,
              countParams,
            )
          )[0].count
        : 0;
    const keys = new Map<string, string>(rows.map((r: any) => [r.id, r.sort_key]));
    return toPage(rows.map(taskFromRow), limit, totalCount, (t) => [order, keys.get(t.id), t.id]);
  }

  // ── writes ─────────────────────────────────────────────────

  /** COORDINATOR: any task; MEMBER/FACILITATOR: tasks their organisation leads or contributes to. */
  async createTask(actor: Actor, input: CreateTaskInput): Promise<TaskEntity> {
    if (!isMember(actor, input.allianceId)) throw DomainError.notFound('Alliance');
    if (!hasRole(actor, input.allianceId, Role.COORDINATOR, Role.MEMBER, Role.FACILITATOR)) {
      throw DomainError.forbidden('Requires one of the roles COORDINATOR, MEMBER, FACILITATOR');
    }
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
          if (
            !hasRole(actor, input.allianceId, Role.COORDINATOR) &&
            !partners.some((p) => p.organisationId === actor.organisationId)
          ) {
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
    const partnerIds = inputs.flatMap((i) => [i.leadPartnerId, ...(i.contributingPartnerIds ?? [])]);
    const ctx = await this.validationContext(em, allianceId, {
      partnerIds,
      goalIds: inputs.map((i) => i.goalId).filter((id): id is string => !!id),
      userIds: inputs.map((i) => i.assigneeId).filter((id): id is string => !!id),
    });
    const errors: FieldError[] = [];
    const rows = inputs.map((input, index) => {
      const path = pathOf(index);
      const title = input.title?.trim() ?? '';
      if (!title || title.length > 300)
        errors.push({ path: `${path}.title`, message: 'must be between 1 and 300 characters' });
      const lead = ctx.partner(input.leadPartnerId);
      if (!lead || lead.status !== PartnerStatus.ACTIVE)
        errors.push({ path: `${path}.leadPartnerId`, message: 'must be an active partner of this alliance' });
      const contributing = [...new Set(input.contributingPartnerIds ?? [])].filter(
        (id) => id !== input.leadPartnerId,
      );
      if (contributing.some((id) => ctx.partner(id)?.status !== PartnerStatus.ACTIVE)) {
        errors.push({
          path: `${path}.contributingPartnerIds`,
          message: 'must be active partners of this alliance',
        });
      }
      if (input.goalId && !ctx.goals.has(input.goalId))
        errors.push({ path: `${path}.goalId`, message: 'must be a goal of this alliance' });
      const involved = [lead, ...contributing.map((id) => ctx.partner(id))].filter(
        (p): p is PartnerEntity => !!p,
      );
      if (input.assigneeId) {
        const org = ctx.members.get(input.assigneeId);
        if (!org || !involved.some((p) => p.organisationId === org)) {
          errors.push({
            path: `${path}.assigneeId`,
            message: 'must be a member of this alliance from the lead or a contributing organisation',
          });
        }
      }
      return { input, title, contributing, involved };
    });
    if (errors.length) throw DomainError.badInput(errors);
    if (authorize) for (const r of rows) authorize(r.involved);

    const sql = new Sql();
    const values = rows.map(
      ({ input, title }) =>
        `(${[
          allianceId,
          input.goalId ?? null,
          decisionId,
          title,
          input.description?.trim() || null,
          input.priority ?? TaskPriority.NORMAL,
          input.leadPartnerId,
          input.assigneeId ?? null,
          input.dueOn ?? null,
          actor.userId,
        ]
          .map((v, i) => `${sql.p(v)}${i === 8 ? '::date' : ''}`)
          .join(', ')})`,
    );
    const inserted: any[] = await em.query(
      `INSERT INTO tasks AS t (alliance_id, goal_id, decision_id, title, description, priority, lead_partner_id, assignee_id, due_on, created_by)
       VALUES ${values.join(', ')} RETURNING ${TASK_COLUMNS}`,
      sql.params,
    );
    const tasks = inserted.map(taskFromRow);
    const links = rows.flatMap((r, i) => r.contributing.map((partnerId) => [tasks[i].id, partnerId]));
    if (links.length) {
      await em.query(
        'INSERT INTO task_contributing_partners (task_id, partner_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
        [links.map((l) => l[0]), links.map((l) => l[1])],
      );
    }
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
    return tasks;
  }

  /** Optimistic locking: a stale expectedVersion answers CONFLICT and changes nothing. */
  async updateTask(actor: Actor, id: string, input: UpdateTaskInput): Promise<TaskEntity> {
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockForWrite(em, actor, id);
      if (task.version !== input.expectedVersion) {
        throw DomainError.conflict(
          `The task was changed in the meantime (now version ${task.version}); reload it and try again`,
        );
      }
      const fields = presentFields(input).filter((f) => f !== 'expectedVersion');
      if (!fields.length) return task;

      const currentContributing: string[] = (
        await em.query('SELECT partner_id FROM task_contributing_partners WHERE task_id = $1', [id])
      ).map((r: any) => r.partner_id);
      const lead = input.leadPartnerId ?? task.leadPartnerId;
      const contributing =
        input.contributingPartnerIds !== undefined
          ? [...new Set(input.contributingPartnerIds)]
          : currentContributing;
      const finalContributing = contributing.filter((p) => p !== lead);
      const assigneeId = input.assigneeId !== undefined ? input.assigneeId : task.assigneeId;
      const ctx = await this.validationContext(em, task.allianceId, {
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
        errors.push({ path: 'input.leadPartnerId', message: 'must be an active partner of this alliance' });
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
        });
      }
      if (input.goalId && !ctx.goals.has(input.goalId))
        errors.push({ path: 'input.goalId', message: 'must be a goal of this alliance' });
      const partnersChanged = input.leadPartnerId !== undefined || input.contributingPartnerIds !== undefined;
      if (assigneeId && (input.assigneeId !== undefined || partnersChanged)) {
        const org = ctx.members.get(assigneeId);
        const involved = [lead, ...finalContributing].map((p) => ctx.partner(p)?.organisationId);
        if (!org || !involved.includes(org)) {
          errors.push({
            path: 'input.assigneeId',
            message: 'must be a member of this alliance from the lead or a contributing organisation',
          });
        }
      }
      if (errors.length) throw DomainError.badInput(errors);

      const sql = new Sql();
      const set: string[] = ['version = version + 1', 'updated_at = clock_timestamp()'];
      if (input.title !== undefined) set.push(`title = ${sql.p(input.title.trim())}`);
      if (input.description !== undefined)
        set.push(`description = ${sql.p(input.description?.trim() || null)}`);
      if (input.priority !== undefined) set.push(`priority = ${sql.p(input.priority)}`);
      if (input.leadPartnerId !== undefined) set.push(`lead_partner_id = ${sql.p(lead)}`);
      if (input.assigneeId !== undefined) set.push(`assignee_id = ${sql.p(input.assigneeId)}`);
      if (input.dueOn !== undefined) set.push(`due_on = ${sql.p(input.dueOn)}::date`);
      if (input.goalId !== undefined) set.push(`goal_id = ${sql.p(input.goalId)}`);
      if (input.status !== undefined) {
        set.push(`status = ${sql.p(input.status)}`);
        // DONE stamps completedAt once; leaving DONE clears it.
        set.push(
          input.status === TaskStatus.DONE
            ? 'completed_at = coalesce(completed_at, now())'
            : 'completed_at = NULL',
        );
      }
      const rows = await returning(
        em,
        `UPDATE tasks t SET ${set.join(', ')} WHERE t.id = ${sql.p(id)} AND t.alliance_id = ${sql.p(task.allianceId)} RETURNING ${TASK_COLUMNS}`,
        sql.params,
      );
      if (input.contributingPartnerIds !== undefined || input.leadPartnerId !== undefined) {
        await em.query('DELETE FROM task_contributing_partners WHERE task_id = $1', [id]);
        if (finalContributing.length) {
          await em.query(
            'INSERT INTO task_contributing_partners (task_id, partner_id) SELECT $1, unnest($2::uuid[])',
            [id, finalContributing],
          );
        }
      }
      const updated = taskFromRow(rows[0]);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateTask',
        entityType: 'Task',
        entityId: id,
        allianceId: task.allianceId,
        changedFields: fields,
      });
      this.events.schedule(em, TaskChange.UPDATED, [updated]);
      return updated;
    });
  }

  /** A dependency that would close a cycle answers BAD_USER_INPUT; checked under a per-alliance lock. */
  async addDependency(actor: Actor, taskId: string, blockedById: string): Promise<TaskEntity> {
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockForWrite(em, actor, taskId, true);
      if (!isUuid(blockedById)) throw DomainError.field('blockedById', 'must be a task of the same alliance');
      if (blockedById === taskId) throw DomainError.field('blockedById', 'a task cannot block itself');
      const other = await em.query('SELECT id FROM tasks WHERE id = $1 AND alliance_id = $2', [
        blockedById,
        task.allianceId,
      ]);
      if (!other.length) throw DomainError.field('blockedById', 'must be a task of the same alliance');
      const cycle = await em.query(
        `WITH RECURSIVE upstream(id) AS (
           SELECT blocked_by_id FROM task_dependencies WHERE task_id = $1
           UNION
           SELECT d.blocked_by_id FROM task_dependencies d JOIN upstream u ON d.task_id = u.id
         )
         SELECT EXISTS (SELECT 1 FROM upstream WHERE id = $2) AS cycle,
                EXISTS (SELECT 1 FROM task_dependencies WHERE task_id = $2 AND blocked_by_id = $1) AS present`,
        [blockedById, taskId],
      );
      if (cycle[0].present) return task;
      if (cycle[0].cycle) throw DomainError.field('blockedById', 'would close a cycle of dependencies');
      await em.query(
        'INSERT INTO task_dependencies (task_id, blocked_by_id, alliance_id) VALUES ($1, $2, $3)',
        [taskId, blockedById, task.allianceId],
      );
      return this.touch(em, actor, task, 'addTaskDependency', ['blockedBy']);
    });
  }

  async removeDependency(actor: Actor, taskId: string, blockedById: string): Promise<TaskEntity> {
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockForWrite(em, actor, taskId, true);
      if (!isUuid(blockedById)) return task;
      const deleted = await returning(
        em,
        'DELETE FROM task_dependencies WHERE task_id = $1 AND blocked_by_id = $2 AND alliance_id = $3 RETURNING task_id',
        [taskId, blockedById, task.allianceId],
      );
      if (!deleted.length) return task;
      return this.touch(em, actor, task, 'removeTaskDependency', ['blockedBy']);
    });
  }

  async comment(actor: Actor, taskId: string, body: string): Promise<TaskComment> {
    const text = typeof body === 'string' ? body.trim() : '';
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockForWrite(em, actor, taskId);
      if (!text || text.length > 10_000)
        throw DomainError.field('body', 'must be between 1 and 10000 characters');
      const [row] = await em.query(
        `WITH c AS (INSERT INTO task_comments (alliance_id, task_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING *)
         SELECT c.*, u.email AS u_email, u.display_name AS u_display_name, u.organisation_id AS u_organisation_id,
                u.platform_admin AS u_platform_admin, u.created_at AS u_created_at, u.updated_at AS u_updated_at
           FROM c JOIN users u ON u.id = c.author_id`,
        [task.allianceId, taskId, actor.userId, text],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'commentOnTask',
        entityType: 'Comment',
        entityId: row.id,
        allianceId: task.allianceId,
        changedFields: ['body'],
      });
      this.events.schedule(em, TaskChange.COMMENTED, [task]);
      return commentFromRow(row);
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
    const rows = await returning(
      em,
      `UPDATE tasks t SET version = version + 1, updated_at = clock_timestamp() WHERE t.id = $1 AND t.alliance_id = $2 RETURNING ${TASK_COLUMNS}`,
      [task.id, task.allianceId],
    );
    const updated = taskFromRow(rows[0]);
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

  /**
   * Loads and row-locks a task the actor may change: invisible → NOT_FOUND; visible but not
   * theirs to change → FORBIDDEN. With `dependencyLock`, first serialises on the alliance's
   * dependency graph (before the row lock, so two requests cannot wait on each other).
   */
  private async lockForWrite(
    em: EntityManager,
    actor: Actor,
    id: string,
    dependencyLock = false,
  ): Promise<TaskEntity> {
    if (!isUuid(id)) throw DomainError.notFound('Task');
    if (dependencyLock) {
      const found = await em.query(
        `SELECT alliance_id FROM tasks t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.alliance_id = ANY($2::uuid[]))`,
        [id, allianceScope(actor)],
      );
      if (!found.length) throw DomainError.notFound('Task');
      await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        DEPENDENCY_LOCK,
        found[0].alliance_id,
      ]);
    }
    const rows = await em.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.alliance_id = ANY($2::uuid[])) FOR NO KEY UPDATE`,
      [id, allianceScope(actor)],
    );
    if (!rows.length) throw DomainError.notFound('Task');
    const task = taskFromRow(rows[0]);
    if (hasRole(actor, task.allianceId, Role.COORDINATOR)) return task;
    if (hasRole(actor, task.allianceId, Role.MEMBER, Role.FACILITATOR)) {
      const involved = await em.query(
        `SELECT 1 FROM partners p
          WHERE p.alliance_id = $2 AND p.organisation_id = $3
            AND (p.id = $4 OR p.id IN (SELECT partner_id FROM task_contributing_partners WHERE task_id = $1))`,
        [id, task.allianceId, actor.organisationId, task.leadPartnerId],
      );
      if (involved.length) return task;
      throw DomainError.forbidden('Only tasks your organisation leads or contributes to');
    }
    throw DomainError.forbidden('Requires one of the roles COORDINATOR, MEMBER, FACILITATOR');
  }

  /** Looks up, in three statements, the partners, goals and members that task inputs name. */
  private async validationContext(
    em: EntityManager,
    allianceId: string,
    ids: { partnerIds: string[]; goalIds: string[]; userIds: string[] },
  ) {
    const uuids = (list: string[]) => [...new Set(list.filter(isUuid))];
    const [partners, goals, members] = await Promise.all([
      uuids(ids.partnerIds).length
        ? em.find(PartnerEntity, { where: { id: In(uuids(ids.partnerIds)), allianceId } })
        : [],
      uuids(ids.goalIds).length
        ? em.query('SELECT id FROM goals WHERE alliance_id = $1 AND id = ANY($2::uuid[])', [
            allianceId,
            uuids(ids.goalIds),
          ])
        : [],
      uuids(ids.userIds).length
        ? em.query(
            'SELECT u.id, u.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id AND m.alliance_id = $1 WHERE u.id = ANY($2::uuid[])',
            [allianceId, uuids(ids.userIds)],
          )
        : [],
    ]);
    const byId = new Map(partners.map((p) => [p.id, p]));
    return {
      partner: (id: string) => byId.get(id),
      goals: new Set<string>(goals.map((g: any) => g.id)),
      members: new Map<string, string>(members.map((m: any) => [m.id, m.organisation_id])),
    };
  }

  // ── loaders ────────────────────────────────────────────────

  taskLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TaskEntity | null>('task.byId', async (ids) =>
      byKey<TaskEntity>(
        ids,
        (
          await this.dataSource.query(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = ANY($1::uuid[])`, [
            ids,
          ])
        ).map(taskFromRow),
        (t) => t.id,
      ),
    );
  }

  /** Follow-up tasks per meeting decision, oldest first. */
  tasksByDecisionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TaskEntity[]>('tasks.byDecision', async (ids) =>
      groupBy(
        ids,
        (
          await this.dataSource.query(
            `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.decision_id = ANY($1::uuid[]) ORDER BY t.created_at, t.id`,
            [ids],
          )
        ).map(taskFromRow),
        (t) => t.decisionId!,
      ),
    );
  }

  /**
   * Lead and contributing partners per task, with their organisations, in one statement.
   */
  partnersLoader(loaders: LoaderRegistry) {
    return loaders.get<string, { lead: PartnerEntity | null; contributing: PartnerEntity[] }>(
      'task.partners',
      async (ids) => {
        const rows: any[] = await this.dataSource.query(
          `SELECT x.task_id, x.is_lead, p.id, p.alliance_id, p.organisation_id, p.status, p.joined_on::text AS joined_on, p.left_on::text AS left_on, p.created_at,
                o.name AS o_name, o.short_name AS o_short_name, o.kind AS o_kind, o.legal_domains AS o_legal_domains, o.created_at AS o_created_at
           FROM (SELECT t.id AS task_id, t.lead_partner_id AS partner_id, true AS is_lead FROM tasks t WHERE t.id = ANY($1::uuid[])
                 UNION ALL
                 SELECT cp.task_id, cp.partner_id, false FROM task_contributing_partners cp WHERE cp.task_id = ANY($1::uuid[])) x
           JOIN partners p ON p.id = x.partner_id
           JOIN organisations o ON o.id = p.organisation_id
          ORDER BY p.created_at, p.id`,
          [ids],
        );
        // `Partner.organisation` then resolves without another statement.
        const organisations = this.alliances.organisationLoader(loaders);
        for (const r of rows) {
          organisations.prime(
            r.organisation_id,
            Object.assign(new OrganisationEntity(), {
              id: r.organisation_id,
              name: r.o_name,
              shortName: r.o_short_name,
              kind: r.o_kind,
              legalDomains: r.o_legal_domains,
              createdAt: new Date(r.o_created_at),
            }),
          );
        }
        return groupBy(ids, rows, (r) => r.task_id).map((list) => ({
          lead: list.find((r) => r.is_lead) ? partnerFromRow(list.find((r) => r.is_lead)) : null,
          contributing: list.filter((r) => !r.is_lead).map(partnerFromRow),
        }));
      },
    );
  }

  blockedByLoader(loaders: LoaderRegistry) {
    return this.dependencyLoader(loaders, 'task.blockedBy', 'task_id', 'blocked_by_id');
  }

  blockingLoader(loaders: LoaderRegistry) {
    return this.dependencyLoader(loaders, 'task.blocking', 'blocked_by_id', 'task_id');
  }

  private dependencyLoader(loaders: LoaderRegistry, key: string, from: string, to: string) {
    return loaders.get<string, TaskEntity[]>(key, async (ids) => {
      const rows: any[] = await this.dataSource.query(
        `SELECT d.${from} AS dep_key, ${TASK_COLUMNS} FROM task_dependencies d JOIN tasks t ON t.id = d.${to}
          WHERE d.${from} = ANY($1::uuid[]) ORDER BY t.created_at, t.id`,
        [ids],
      );
      return groupBy(
        ids,
        rows.map((r) => ({ k: r.dep_key as string, task: taskFromRow(r) })),
        (r) => r.k,
      ).map((list) => list.map((r) => r.task));
    });
  }

  /** Comments per task, oldest first, each with its author (a plain field: no resolver per comment). */
  commentsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TaskComment[]>('task.comments', async (ids) => {
      const rows: any[] = await this.dataSource.query(
        `SELECT c.id, c.alliance_id, c.task_id, c.author_id, c.body, c.created_at,
                u.email AS u_email, u.display_name AS u_display_name, u.organisation_id AS u_organisation_id,
                u.platform_admin AS u_platform_admin, u.created_at AS u_created_at, u.updated_at AS u_updated_at
           FROM task_comments c JOIN users u ON u.id = c.author_id
          WHERE c.task_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
        [ids],
      );
      return groupBy(ids, rows.map(commentFromRow), (c) => c.taskId);
    });
  }
}

/** A comment as the API shows it: with its author. */
export type TaskComment = TaskCommentEntity & { author: UserEntity };

function commentFromRow(r: any): TaskComment {
  return Object.assign(new TaskCommentEntity(), {
    id: r.id,
    allianceId: r.alliance_id,
    taskId: r.task_id,
    authorId: r.author_id,
    body: r.body,
    createdAt: new Date(r.created_at),
    author: Object.assign(new UserEntity(), {
      id: r.author_id,
      email: r.u_email,
      displayName: r.u_display_name,
      organisationId: r.u_organisation_id,
      platformAdmin: r.u_platform_admin,
      createdAt: new Date(r.u_created_at),
      updatedAt: new Date(r.u_updated_at),
    }),
  });
}

/** TypeORM answers UPDATE/DELETE … RETURNING as [rows, rowCount]; SELECT and INSERT as rows. */
async function returning(em: EntityManager, query: string, params: unknown[]): Promise<any[]> {
  const result = await em.query(query, params);
  return Array.isArray(result[0]) ? result[0] : result;
}

function partnerFromRow(r: any): PartnerEntity {
  return Object.assign(new PartnerEntity(), {
    id: r.id,
    allianceId: r.alliance_id,
    organisationId: r.organisation_id,
    status: r.status,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    createdAt: new Date(r.created_at),
  });
}
