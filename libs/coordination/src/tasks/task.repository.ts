import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, isUuid } from '../../../core/src/index.js';
import { TaskOrder } from '../coordination.enums.js';
import { TaskCommentEntity, TaskEntity } from './task.entities.js';
import type { TaskFilter } from './task.inputs.js';

/** The columns `taskFromRow` reads, for SQL over `tasks t` (dates as text: no time-zone shift). */
export const TASK_COLUMNS =
  't.id, t.alliance_id, t.goal_id, t.decision_id, t.title, t.description, t.status, t.priority, t.lead_partner_id, ' +
  't.assignee_id, t.due_on::text AS due_on, t.completed_at, t.version, t.created_by, t.created_at, t.updated_at';

/** Maps a raw `tasks` row (snake_case, from `TASK_COLUMNS`) to the entity. */
export function taskFromRow(r: any): TaskEntity {
  return Object.assign(new TaskEntity(), {
    id: r.id,
    allianceId: r.alliance_id,
    goalId: r.goal_id,
    decisionId: r.decision_id,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    leadPartnerId: r.lead_partner_id,
    assigneeId: r.assignee_id,
    dueOn: r.due_on,
    completedAt: r.completed_at === null ? null : new Date(r.completed_at),
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  });
}

export function commentFromRow(r: any): TaskCommentEntity {
  return Object.assign(new TaskCommentEntity(), {
    id: r.id,
    allianceId: r.alliance_id,
    taskId: r.task_id,
    authorId: r.author_id,
    body: r.body,
    createdAt: new Date(r.created_at),
  });
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export interface SortSpec {
  key: string;
  type: string;
  desc: boolean;
  valid: (v: string) => boolean;
}

/** The orders of task lists: the key expression (indexed), its type and direction. */
export const SORTS: Record<string, SortSpec> = {
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

/** Collects positional parameters while SQL text is assembled: values never enter the text. */
export class Sql {
  readonly params: unknown[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
}

/** Which tasks a list shows: one alliance with a filter, the caller's assigned ones, or a goal's. */
export type TaskScope =
  | { kind: 'alliance'; allianceId: string; filter: TaskFilter; today: string }
  | { kind: 'assigned'; userId: string; allianceIds: string[] | null }
  | { kind: 'goal'; allianceId: string; goalId: string };

/** A decoded keyset cursor: the order it was made for, the sort key as text, the task id. */
export interface TaskCursor {
  order: string;
  key: string;
  id: string;
}

/** The WHERE conditions of a scope over `tasks t`. */
export function scopeWhere(sql: Sql, scope: TaskScope): string[] {
  if (scope.kind === 'assigned') {
    const where = [`t.assignee_id = ${sql.p(scope.userId)}`];
    if (scope.allianceIds) where.push(`t.alliance_id = ANY(${sql.p(scope.allianceIds)}::uuid[])`);
    return where;
  }
  if (scope.kind === 'goal')
    return [`t.alliance_id = ${sql.p(scope.allianceId)}`, `t.goal_id = ${sql.p(scope.goalId)}`];
  const where = [`t.alliance_id = ${sql.p(scope.allianceId)}`];
  const f = scope.filter;
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
    const overdue = `(t.due_on < ${sql.p(scope.today)}::date AND t.status NOT IN ('DONE', 'CANCELLED'))`;
    where.push(f.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
  }
  const search = f.search?.trim();
  if (search) where.push(`t.search_vector @@ coordination_search_query(${sql.p(search)})`);
  return where;
}

/** Validates a cursor against the order and adds its keyset condition. */
export function cursorWhere(sql: Sql, order: string, cursor: TaskCursor | undefined): string | undefined {
  if (!cursor) return undefined;
  const sort = SORTS[order];
  if (cursor.order !== order || !sort.valid(cursor.key) || !isUuid(cursor.id))
    throw DomainError.field('after', 'is not a valid cursor');
  return `(${sort.key}, t.id) ${sort.desc ? '<' : '>'} (${sql.p(cursor.key)}::${sort.type}, ${sql.p(cursor.id)}::uuid)`;
}

/** Reads of coordination's own task tables: tasks, contributing partners, dependencies, comments. */
@Injectable()
export class TaskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<TaskEntity | null> {
    const rows = await this.dataSource.query(`SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1`, [id]);
    return rows.length ? taskFromRow(rows[0]) : null;
  }

  /**
   * One keyset page (`limit + 1` rows to tell whether more follow) and, in the same statement, the
   * exact count over the whole scope. Rows carry `sort_key` (text) for their cursors.
   */
  async page(
    scope: TaskScope,
    order: string,
    limit: number,
    cursor?: TaskCursor,
  ): Promise<{ tasks: TaskEntity[]; sortKeys: Map<string, string>; totalCount: number }> {
    const sort = SORTS[order];
    const sql = new Sql();
    const where = scopeWhere(sql, scope);
    const filter = where.join(' AND ');
    const countParams = [...sql.params];
    const after = cursorWhere(sql, order, cursor);
    const pageWhere = after ? [...where, after] : where;
    const dir = sort.desc ? 'DESC' : 'ASC';
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
    return {
      tasks: rows.map(taskFromRow),
      sortKeys: new Map(rows.map((r) => [r.id, r.sort_key])),
      totalCount,
    };
  }

  /** The first `limit + 1` tasks (oldest first) of each goal, with each goal's exact count. */
  async firstPagesOfGoals(
    allianceIds: string[],
    goalIds: string[],
    limit: number,
  ): Promise<{ task: TaskEntity; sortKey: string; goalId: string; totalCount: number }[]> {
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
      [allianceIds, goalIds, limit + 1],
    );
    return rows.map((r) => ({
      task: taskFromRow(r),
      sortKey: r.sort_key,
      goalId: r.page_goal_id,
      totalCount: r.total_count,
    }));
  }

  async byIds(ids: readonly string[]): Promise<TaskEntity[]> {
    const rows = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(taskFromRow);
  }

  /** Follow-up tasks of meeting decisions, oldest first. */
  async byDecisions(decisionIds: readonly string[]): Promise<TaskEntity[]> {
    const rows = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.decision_id = ANY($1::uuid[]) ORDER BY t.created_at, t.id`,
      [decisionIds],
    );
    return rows.map(taskFromRow);
  }

  /** Lead and contributing partner ids of the tasks. */
  partnerLinks(
    taskIds: readonly string[],
  ): Promise<{ task_id: string; partner_id: string; is_lead: boolean }[]> {
    return this.dataSource.query(
      `SELECT t.id AS task_id, t.lead_partner_id AS partner_id, true AS is_lead FROM tasks t WHERE t.id = ANY($1::uuid[])
       UNION ALL
       SELECT cp.task_id, cp.partner_id, false FROM task_contributing_partners cp WHERE cp.task_id = ANY($1::uuid[])`,
      [taskIds],
    );
  }

  /** Tasks that block (`blockedBy`) or are blocked by (`blocking`) the given tasks, oldest first. */
  async dependencies(
    taskIds: readonly string[],
    direction: 'blockedBy' | 'blocking',
  ): Promise<{ key: string; task: TaskEntity }[]> {
    const [from, to] =
      direction === 'blockedBy' ? ['task_id', 'blocked_by_id'] : ['blocked_by_id', 'task_id'];
    const rows: any[] = await this.dataSource.query(
      `SELECT d.${from} AS dep_key, ${TASK_COLUMNS} FROM task_dependencies d JOIN tasks t ON t.id = d.${to}
        WHERE d.${from} = ANY($1::uuid[]) ORDER BY t.created_at, t.id`,
      [taskIds],
    );
    return rows.map((r) => ({ key: r.dep_key, task: taskFromRow(r) }));
  }

  /** Comments of the tasks, oldest first. */
  async comments(taskIds: readonly string[]): Promise<TaskCommentEntity[]> {
    const rows = await this.dataSource.query(
      `SELECT c.id, c.alliance_id, c.task_id, c.author_id, c.body, c.created_at
         FROM task_comments c WHERE c.task_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
      [taskIds],
    );
    return rows.map(commentFromRow);
  }
}
