import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DomainError,
  FieldRule,
  isUuid,
  preparedQuery,
  PREFETCHED,
  type SelectionTree,
} from '../../../core/src/index.js';
import { TaskOrder } from '../coordination.enums.js';
import type { TaskEntity } from './task.entities.js';
import type { TaskFilter } from './task.inputs.js';
import {
  INVOLVED_ORGANISATIONS,
  INVOLVED_ORGANISATIONS_SQL,
  Sql,
  TASK_COLUMNS,
  TASK_RELATIONS,
  type TaskRelation,
  taskFromRow,
} from './task.repository.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

interface SortSpec {
  key: string;
  type: string;
  desc: boolean;
  valid: (v: string) => boolean;
}

/** The orders of task lists: the key expression (each has its index), its type and direction. */
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

/**
 * What a list's selection asks for: whether to count, and each relation of its tasks to build in the
 * list's own statement with the sub-fields selected below it.
 */
export interface TaskListInclude extends Partial<Record<TaskRelation, SelectionTree>> {
  totalCount: boolean;
  /** The organisations of each task's partners, for `viewerCan` (the rule of who may change it). */
  involvedOrganisations?: boolean;
}

export type ListedTask = TaskEntity & { [PREFETCHED]?: Record<string, unknown> };

/** The raw columns TASK_COLUMNS reads, carried through the page. */
const PAGE_COLUMNS =
  't.id, t.alliance_id, t.goal_id, t.decision_id, t.title, t.description, t.status, t.priority, t.lead_partner_id, ' +
  't.assignee_id, t.due_on, t.completed_at, t.version, t.created_by, t.created_at, t.updated_at';

/**
 * The WHERE conditions of a scope over `tasks t`, and the candidate sets to compute first. A
 * partner's tasks are the union of two indexed lookups (lead, contributing), and search matches come
 * from the search index, each materialised before the page: the cost follows what the caller asks
 * for, and no plan walks the whole alliance in sort order hoping to meet a match.
 */
function scopeSql(sql: Sql, scope: TaskScope): { ctes: string[]; where: string[]; search?: string } {
  if (scope.kind === 'assigned') {
    const where = [`t.assignee_id = ${sql.p(scope.userId)}`];
    if (scope.allianceIds) where.push(`t.alliance_id = ANY(${sql.p(scope.allianceIds)}::uuid[])`);
    return { ctes: [], where };
  }
  if (scope.kind === 'goal')
    return {
      ctes: [],
      where: [`t.alliance_id = ${sql.p(scope.allianceId)}`, `t.goal_id = ${sql.p(scope.goalId)}`],
    };
  const a = sql.p(scope.allianceId);
  const ctes: string[] = [];
  const where = [`t.alliance_id = ${a}`];
  const f = scope.filter;
  if (f.status?.length) where.push(`t.status = ANY(${sql.p(f.status)}::text[])`);
  if (f.leadPartnerId) where.push(`t.lead_partner_id = ${sql.p(f.leadPartnerId)}`);
  if (f.partnerId) {
    const p = sql.p(f.partnerId);
    ctes.push(`of_partner AS MATERIALIZED (
      SELECT l.id FROM tasks l WHERE l.lead_partner_id = ${p} AND l.alliance_id = ${a}
      UNION SELECT cp.task_id FROM task_contributing_partners cp WHERE cp.partner_id = ${p})`);
    where.push('t.id IN (SELECT id FROM of_partner)');
  }
  if (f.assigneeId) where.push(`t.assignee_id = ${sql.p(f.assigneeId)}`);
  if (f.goalId) where.push(`t.goal_id = ${sql.p(f.goalId)}`);
  if (f.overdue !== undefined && f.overdue !== null) {
    const overdue = `(t.due_on < ${sql.p(scope.today)}::date AND t.status NOT IN ('DONE', 'CANCELLED'))`;
    where.push(f.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
  }
  const text = f.search?.trim();
  if (!text) return { ctes, where };
  const search = `coordination_search_query(${sql.p(text)})`;
  ctes.push(`matches AS MATERIALIZED (
      SELECT s.id FROM tasks s WHERE s.search_vector @@ ${search} AND s.alliance_id = ${a})`);
  return { ctes, where, search };
}

/**
 * How many tasks in the list's order a search looks at before it computes its matches first: a
 * common word fills a page within the first few hundred tasks, a rare one does not, and then the
 * search index answers. Either way a page costs at most this walk plus the matches of the word.
 */
export const SEARCH_WALK = 2_000;

/** With a search, `totalCount` counts the matches up to this many (its description says so). */
export const SEARCH_COUNT_CAP = 1_000;

/** Validates a cursor against the order and answers its keyset condition. */
function cursorWhere(sql: Sql, order: string, cursor: TaskCursor): string {
  const sort = SORTS[order];
  if (cursor.order !== order || !sort.valid(cursor.key) || !isUuid(cursor.id))
    throw DomainError.field('after', 'is not a valid cursor', FieldRule.INVALID_CURSOR);
  return `(${sort.key}, t.id) ${sort.desc ? '<' : '>'} (${sql.p(cursor.key)}::${sort.type}, ${sql.p(cursor.id)}::uuid)`;
}

/** Keyset pages of task lists: one statement for the page, its count and the asked-for relations. */
@Injectable()
export class TaskListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `limit + 1` tasks (to tell whether more follow) in the order, after the cursor; the exact count
   * over the whole scope only when asked for (null otherwise); each asked-for relation as JSON under
   * the task's PREFETCHED key, in the same statement.
   */
  async page(
    scope: TaskScope,
    order: string,
    limit: number,
    cursor: TaskCursor | undefined,
    include: TaskListInclude,
  ): Promise<{ tasks: ListedTask[]; sortKeys: Map<string, string>; totalCount: number | null }> {
    const sort = SORTS[order];
    const sql = new Sql();
    const { ctes, where: scopeWhere, search } = scopeSql(sql, scope);
    const where = search ? [...scopeWhere, 't.id IN (SELECT id FROM matches)'] : scopeWhere;
    const scopeCtes = [...ctes];
    const filter = where.join(' AND ');
    const filterParams = sql.params.length;
    const after = cursor ? [cursorWhere(sql, order, cursor)] : [];
    const pageWhere = [...where, ...after];
    const dir = sort.desc ? 'DESC' : 'ASC';
    const orderBy = `ORDER BY ${sort.key} ${dir}, t.id ${dir}`;
    let page = `page AS (
         SELECT ${PAGE_COLUMNS}, ${sort.key} AS sort_value FROM tasks t WHERE ${pageWhere.join(' AND ')}
          ${orderBy} LIMIT ${limit + 1})`;
    if (search) {
      // First the list's next SEARCH_WALK tasks in its order, filtered by the word: when that fills
      // the page, it is the page (every task before the last one looked at was looked at), and the
      // matches are never computed. Otherwise (a rare word) the page comes from the matches.
      ctes.push(`walk AS MATERIALIZED (
         SELECT w.* FROM (
           SELECT ${PAGE_COLUMNS}, t.search_vector, ${sort.key} AS sort_value FROM tasks t
            WHERE ${[...scopeWhere, ...after].join(' AND ')} ${orderBy} LIMIT ${SEARCH_WALK}) w
          WHERE w.search_vector @@ ${search}
          ORDER BY w.sort_value ${dir}, w.id ${dir} LIMIT ${limit + 1})`);
      const walked = `(SELECT count(*) FROM walk) > ${limit}`;
      page = `page AS (
         SELECT ${PAGE_COLUMNS.replace(/\bt\./g, 'w.')}, w.sort_value FROM walk w WHERE ${walked}
         UNION ALL
         (SELECT ${PAGE_COLUMNS}, ${sort.key} AS sort_value FROM tasks t WHERE ${pageWhere.join(' AND ')} AND NOT ${walked}
          ${orderBy} LIMIT ${limit + 1}))`;
    }
    const relations: string[] = [];
    for (const [name, build] of Object.entries(TASK_RELATIONS)) {
      const sel = include[name as TaskRelation];
      const json = sel && build(sel);
      // A relation whose selection cannot be built here resolves through its loader.
      if (json) relations.push(`'${name}', ${json}`);
    }
    if (include.involvedOrganisations)
      relations.push(`'${INVOLVED_ORGANISATIONS}', ${INVOLVED_ORGANISATIONS_SQL}`);
    const prefetched = relations.length ? `json_build_object(${relations.join(', ')})` : 'NULL::json';
    const count = search
      ? `(SELECT count(*) FROM (SELECT 1 FROM tasks t WHERE ${[...scopeWhere, `t.search_vector @@ ${search}`].join(' AND ')}
          LIMIT ${SEARCH_COUNT_CAP}) c)::int`
      : `(SELECT count(*) FROM tasks t WHERE ${filter})::int`;
    // Named: the page's plan (a sub-select per relation) costs as much as running it.
    const rows: any[] = await preparedQuery(
      this.dataSource,
      `WITH ${[...ctes, page].join(', ')}
       SELECT ${TASK_COLUMNS}, t.sort_value::text AS sort_key, ${include.totalCount ? count : 'NULL::int'} AS total_count,
              ${prefetched} AS prefetched
         FROM page t ORDER BY t.sort_value ${dir}, t.id ${dir}`,
      sql.params,
    );
    let totalCount: number | null = rows.length ? rows[0].total_count : include.totalCount ? 0 : null;
    // An empty page after a cursor says nothing about the count: ask for it.
    if (!rows.length && cursor && include.totalCount)
      totalCount = (
        await this.dataSource.query(
          `${ctesOf(scopeCtes)}SELECT ${count} AS count`,
          sql.params.slice(0, filterParams),
        )
      )[0].count;
    const tasks = rows.map((r) => {
      const task: ListedTask = taskFromRow(r);
      if (r.prefetched) task[PREFETCHED] = r.prefetched;
      return task;
    });
    return { tasks, sortKeys: new Map(rows.map((r) => [r.id, r.sort_key])), totalCount };
  }
}

const ctesOf = (ctes: string[]) => (ctes.length ? `WITH ${ctes.join(', ')} ` : '');
