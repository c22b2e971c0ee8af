import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';
import { TaskPriority, TaskStatus } from '../coordination.enums.js';
import type { TaskCommentEntity, TaskEntity } from './task.entities.js';
import { commentFromRow, Sql, TASK_COLUMNS, taskFromRow } from './task.repository.js';

/** Serialises dependency changes per alliance (two-key advisory lock space: no clash with single keys). */
const DEPENDENCY_LOCK = 4_711_300;

/** A row to insert into `tasks`. */
export interface TaskRow {
  goalId: string | null;
  title: string;
  description: string | null;
  priority: TaskPriority;
  leadPartnerId: string;
  assigneeId: string | null;
  dueOn: string | null;
}

/** The columns `updateTask` may change (absent: unchanged). */
export interface TaskChanges {
  title?: string;
  description?: string | null;
  priority?: TaskPriority;
  leadPartnerId?: string;
  assigneeId?: string | null;
  dueOn?: string | null;
  goalId?: string | null;
  status?: TaskStatus;
}

/** Writes (and the reads that belong to a write) of coordination's task tables, inside a transaction. */
@Injectable()
export class TaskWriteRepository {
  /** The task's alliance, without a lock (null when it does not exist). */
  async allianceOf(em: EntityManager, id: string, alliances: string[] | null): Promise<string | null> {
    const rows = await em.query(
      'SELECT alliance_id FROM tasks t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.alliance_id = ANY($2::uuid[]))',
      [id, alliances],
    );
    return rows.length ? rows[0].alliance_id : null;
  }

  /** Serialises changes of one alliance's dependency graph until the transaction ends. */
  async lockDependencies(em: EntityManager, allianceId: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DEPENDENCY_LOCK, allianceId]);
  }

  /** The task row-locked for a change, with its contributing partners. */
  async lock(
    em: EntityManager,
    id: string,
    alliances: string[] | null,
  ): Promise<{ task: TaskEntity; contributing: string[] } | null> {
    const rows = await em.query(
      `SELECT ${TASK_COLUMNS},
              ARRAY(SELECT cp.partner_id FROM task_contributing_partners cp WHERE cp.task_id = t.id) AS contributing
         FROM tasks t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.alliance_id = ANY($2::uuid[])) FOR NO KEY UPDATE`,
      [id, alliances],
    );
    return rows.length ? { task: taskFromRow(rows[0]), contributing: rows[0].contributing } : null;
  }

  /** The ids among `goalIds` that are goals of the alliance. */
  async goalsOf(em: EntityManager, allianceId: string, goalIds: string[]): Promise<Set<string>> {
    if (!goalIds.length) return new Set();
    const rows = await em.query('SELECT id FROM goals WHERE alliance_id = $1 AND id = ANY($2::uuid[])', [
      allianceId,
      goalIds,
    ]);
    return new Set(rows.map((g: any) => g.id));
  }

  async insert(
    em: EntityManager,
    allianceId: string,
    createdBy: string,
    decisionId: string | null,
    rows: TaskRow[],
  ): Promise<TaskEntity[]> {
    const sql = new Sql();
    const values = rows.map(
      (r) =>
        `(${sql.p(allianceId)}, ${sql.p(r.goalId)}, ${sql.p(decisionId)}, ${sql.p(r.title)}, ${sql.p(r.description)}, ` +
        `${sql.p(r.priority)}, ${sql.p(r.leadPartnerId)}, ${sql.p(r.assigneeId)}, ${sql.p(r.dueOn)}::date, ${sql.p(createdBy)})`,
    );
    const inserted: any[] = await em.query(
      `INSERT INTO tasks AS t (alliance_id, goal_id, decision_id, title, description, priority, lead_partner_id, assignee_id, due_on, created_by)
       VALUES ${values.join(', ')} RETURNING ${TASK_COLUMNS}`,
      sql.params,
    );
    return inserted.map(taskFromRow);
  }

  /** Adds contributing partners: pairs of task id and partner id. */
  async addContributors(em: EntityManager, links: [string, string][]): Promise<void> {
    if (!links.length) return;
    await em.query(
      'INSERT INTO task_contributing_partners (task_id, partner_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])',
      [links.map((l) => l[0]), links.map((l) => l[1])],
    );
  }

  async replaceContributors(em: EntityManager, taskId: string, partnerIds: string[]): Promise<void> {
    await em.query('DELETE FROM task_contributing_partners WHERE task_id = $1', [taskId]);
    if (partnerIds.length)
      await em.query(
        'INSERT INTO task_contributing_partners (task_id, partner_id) SELECT $1, unnest($2::uuid[])',
        [taskId, partnerIds],
      );
  }

  /** Applies the changes, bumps the version; DONE stamps completedAt once, leaving DONE clears it. */
  async update(em: EntityManager, task: TaskEntity, changes: TaskChanges): Promise<TaskEntity> {
    const sql = new Sql();
    const set: string[] = ['version = version + 1', 'updated_at = clock_timestamp()'];
    if (changes.title !== undefined) set.push(`title = ${sql.p(changes.title)}`);
    if (changes.description !== undefined) set.push(`description = ${sql.p(changes.description)}`);
    if (changes.priority !== undefined) set.push(`priority = ${sql.p(changes.priority)}`);
    if (changes.leadPartnerId !== undefined) set.push(`lead_partner_id = ${sql.p(changes.leadPartnerId)}`);
    if (changes.assigneeId !== undefined) set.push(`assignee_id = ${sql.p(changes.assigneeId)}`);
    if (changes.dueOn !== undefined) set.push(`due_on = ${sql.p(changes.dueOn)}::date`);
    if (changes.goalId !== undefined) set.push(`goal_id = ${sql.p(changes.goalId)}`);
    if (changes.status !== undefined) {
      set.push(`status = ${sql.p(changes.status)}`);
      set.push(
        changes.status === TaskStatus.DONE
          ? 'completed_at = coalesce(completed_at, now())'
          : 'completed_at = NULL',
      );
    }
    const rows = await queryRows(
      em,
      `UPDATE tasks t SET ${set.join(', ')} WHERE t.id = ${sql.p(task.id)} AND t.alliance_id = ${sql.p(task.allianceId)} RETURNING ${TASK_COLUMNS}`,
      sql.params,
    );
    return taskFromRow(rows[0]);
  }

  /** Bumps version and updatedAt for a change outside the task row (dependencies). */
  async touch(em: EntityManager, task: TaskEntity): Promise<TaskEntity> {
    const rows = await queryRows(
      em,
      `UPDATE tasks t SET version = version + 1, updated_at = clock_timestamp() WHERE t.id = $1 AND t.alliance_id = $2 RETURNING ${TASK_COLUMNS}`,
      [task.id, task.allianceId],
    );
    return taskFromRow(rows[0]);
  }

  async existsInAlliance(em: EntityManager, id: string, allianceId: string): Promise<boolean> {
    return (
      (await em.query('SELECT 1 FROM tasks WHERE id = $1 AND alliance_id = $2', [id, allianceId])).length > 0
    );
  }

  /** Whether `taskId` already waits for `blockedById`, and whether that edge would close a cycle. */
  async dependencyCheck(
    em: EntityManager,
    taskId: string,
    blockedById: string,
  ): Promise<{ present: boolean; cycle: boolean }> {
    const [row] = await em.query(
      `WITH RECURSIVE upstream(id) AS (
         SELECT blocked_by_id FROM task_dependencies WHERE task_id = $1
         UNION
         SELECT d.blocked_by_id FROM task_dependencies d JOIN upstream u ON d.task_id = u.id
       )
       SELECT EXISTS (SELECT 1 FROM upstream WHERE id = $2) AS cycle,
              EXISTS (SELECT 1 FROM task_dependencies WHERE task_id = $2 AND blocked_by_id = $1) AS present`,
      [blockedById, taskId],
    );
    return { present: row.present, cycle: row.cycle };
  }

  async addDependency(em: EntityManager, task: TaskEntity, blockedById: string): Promise<void> {
    await em.query(
      'INSERT INTO task_dependencies (task_id, blocked_by_id, alliance_id) VALUES ($1, $2, $3)',
      [task.id, blockedById, task.allianceId],
    );
  }

  /** Whether a dependency was there to remove. */
  async removeDependency(em: EntityManager, task: TaskEntity, blockedById: string): Promise<boolean> {
    const deleted = await queryRows(
      em,
      'DELETE FROM task_dependencies WHERE task_id = $1 AND blocked_by_id = $2 AND alliance_id = $3 RETURNING task_id',
      [task.id, blockedById, task.allianceId],
    );
    return deleted.length > 0;
  }

  async addComment(
    em: EntityManager,
    task: TaskEntity,
    authorId: string,
    body: string,
  ): Promise<TaskCommentEntity> {
    const [row] = await em.query(
      'INSERT INTO task_comments (alliance_id, task_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING *',
      [task.allianceId, task.id, authorId, body],
    );
    return commentFromRow(row);
  }
}
