import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TaskCommentEntity, TaskEntity } from './task.entities.js';

/** The columns `taskFromRow` reads, for SQL over `tasks t` (days as text: no time-zone shift). */
export const TASK_COLUMNS =
  't.id, t.alliance_id, t.goal_id, t.decision_id, t.title, t.description, t.status, t.priority, t.lead_partner_id, ' +
  't.assignee_id, t.due_on::text AS due_on, t.version, t.created_by, ' +
  // Timestamps as epoch milliseconds: a number is cheaper for pg to read than a timestamp text.
  '(extract(epoch FROM t.completed_at) * 1000)::float8 AS completed_at, (extract(epoch FROM t.created_at) * 1000)::float8 AS created_at, ' +
  '(extract(epoch FROM t.updated_at) * 1000)::float8 AS updated_at';

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

/** Collects positional parameters while SQL text is assembled: values never enter the text. */
export class Sql {
  readonly params: unknown[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
}

/** Reads of coordination's own task tables: tasks, contributing partners, dependencies, comments. */
@Injectable()
export class TaskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The task when it lies in one of the alliances (`null`: any alliance, for the platform administrator). */
  async byId(id: string, alliances: string[] | null): Promise<TaskEntity | null> {
    const rows = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.alliance_id = ANY($2::uuid[]))`,
      [id, alliances],
    );
    return rows.length ? taskFromRow(rows[0]) : null;
  }

  /** The first `limit + 1` tasks (oldest first) of each goal, with each goal's exact count. */
  async firstPagesOfGoals(
    allianceIds: string[],
    goalIds: string[],
    limit: number,
  ): Promise<{ task: TaskEntity; sortKey: string; goalId: string; totalCount: number }[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${TASK_COLUMNS}, t.created_at::text AS sort_key, t.goal_id AS page_goal_id,
                row_number() OVER (PARTITION BY t.goal_id ORDER BY t.created_at, t.id) AS page_row,
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
