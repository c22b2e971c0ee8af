import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PREFETCHED, type SelectionTree } from '../../../core/src/index.js';
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

/**
 * The task board's relations as JSON built in the page's own statement, with only the sub-fields
 * the query selects (PostGraphile's discipline): a comment author asked for by display name costs
 * one column, not the user's whole row. Each object also carries its ids (cheap), so a nested field
 * that is not built here still resolves through its loader from them. When a selection names a
 * field these shapes do not know (a field another context resolves from columns not listed here),
 * the relation is not built at all and its field resolver loads it as before: the answer is the same
 * either way, only the number of statements differs.
 */

/** A timestamp as epoch milliseconds: cheap for PostgreSQL to write and for JSON to read; the DateTime scalar formats it. */
const ms = (e: string) => `(date_part('epoch', ${e}) * 1000)`;

interface Shape {
  /** Always in the object, under the entity's property names: the ids the field resolvers read. */
  keys: Record<string, string>;
  /** GraphQL field → SQL of its value (read by the default resolver). */
  fields: Record<string, string>;
  /** Fields with their own resolvers that need only the keys (when not built here). */
  resolved: string[];
  /** Relations that can be built here too: field → its JSON for the parent, or null (not buildable). */
  nested?: Record<string, (sel: SelectionTree) => string | null>;
}

/**
 * `json_build_object(...)` of the selected fields of a row aliased as the shape's SQL says, or null
 * when the selection names a field the shape does not know.
 */
function objectOf(shape: Shape, sel: SelectionTree): string | null {
  const pairs = new Map<string, string>(Object.entries(shape.keys));
  const nested: string[] = [];
  for (const [name, sub] of sel) {
    if (name === '__typename' || name in shape.keys) continue;
    const column = shape.fields[name];
    if (column !== undefined) {
      pairs.set(name, column);
      continue;
    }
    const build = shape.nested?.[name];
    const json = build ? build(sub) : null;
    if (json) nested.push(`'${name}', ${json}`);
    else if (!shape.resolved.includes(name)) return null;
  }
  const args = [...pairs].map(([k, v]) => `'${k}', ${v}`);
  if (nested.length) args.push(`'${PREFETCHED}', json_build_object(${nested.join(', ')})`);
  return `json_build_object(${args.join(', ')})`;
}

const ORGANISATION: Shape = {
  keys: { id: 'o.id' },
  fields: { name: 'o.name', shortName: 'o.short_name', kind: 'o.kind', legalDomains: 'o.legal_domains' },
  resolved: [],
};

const organisationOf = (fk: string) => (sel: SelectionTree) => {
  const json = objectOf(ORGANISATION, sel);
  return json && `(SELECT ${json} FROM alliance_organisation_directory o WHERE o.id = ${fk})`;
};

const PARTNER: Shape = {
  keys: { id: 'pp.id', allianceId: 'pp.alliance_id', organisationId: 'pp.organisation_id' },
  fields: { status: 'pp.status', joinedOn: 'pp.joined_on', leftOn: 'pp.left_on' },
  resolved: ['alliance', 'organisation'],
  nested: { organisation: organisationOf('pp.organisation_id') },
};

/** Users through identity's published view, under the alias `u`. */
const USER: Shape = {
  keys: { id: 'u.id', organisationId: 'u.organisation_id' },
  fields: { email: 'u.email', displayName: 'u.display_name', platformAdmin: 'u.platform_admin' },
  resolved: ['organisation', 'memberships'],
};

const userOf = (fk: string) => (sel: SelectionTree) => {
  const json = objectOf(USER, sel);
  return json && `(SELECT ${json} FROM identity_user_directory u WHERE u.id = ${fk})`;
};

const GOAL: Shape = {
  keys: { id: 'g.id', allianceId: 'g.alliance_id', parentId: 'g.parent_id' },
  fields: {
    title: 'g.title',
    description: 'g.description',
    status: 'g.status',
    startsOn: 'g.starts_on',
    dueOn: 'g.due_on',
  },
  resolved: ['alliance', 'parent', 'children', 'ownerPartners', 'indicators', 'taskProgress', 'tasks'],
};

/** Tasks of a dependency, under the alias `b`; their own relations resolve through the loaders. */
const TASK: Shape = {
  keys: {
    id: 'b.id',
    allianceId: 'b.alliance_id',
    goalId: 'b.goal_id',
    decisionId: 'b.decision_id',
    leadPartnerId: 'b.lead_partner_id',
    assigneeId: 'b.assignee_id',
  },
  fields: {
    title: 'b.title',
    description: 'b.description',
    status: 'b.status',
    priority: 'b.priority',
    dueOn: 'b.due_on',
    completedAt: ms('b.completed_at'),
    version: 'b.version',
    createdAt: ms('b.created_at'),
    updatedAt: ms('b.updated_at'),
  },
  resolved: [
    'alliance',
    'goal',
    'leadPartner',
    'contributingPartners',
    'assignee',
    'blockedBy',
    'blocking',
    'comments',
    'decision',
    'viewerCan',
  ],
};

const COMMENT: Shape = {
  keys: { id: 'c.id', taskId: 'c.task_id', authorId: 'c.author_id' },
  fields: { body: 'c.body', createdAt: ms('c.created_at') },
  resolved: ['author'],
  nested: { author: userOf('c.author_id') },
};

const PARTNERS_FROM = 'alliance_partner_directory pp';

/** The board's relations of the page row `t`: the SQL of each one's JSON for a selection, or null. */
export const TASK_RELATIONS = {
  leadPartner: (sel: SelectionTree) => {
    const json = objectOf(PARTNER, sel);
    return json && `(SELECT ${json} FROM ${PARTNERS_FROM} WHERE pp.id = t.lead_partner_id)`;
  },
  contributingPartners: (sel: SelectionTree) => {
    const json = objectOf(PARTNER, sel);
    return (
      json &&
      `coalesce((SELECT json_agg(${json} ORDER BY pp.created_at, pp.id)
        FROM task_contributing_partners cp JOIN ${PARTNERS_FROM} ON pp.id = cp.partner_id WHERE cp.task_id = t.id), '[]')`
    );
  },
  assignee: userOf('t.assignee_id'),
  goal: (sel: SelectionTree) => {
    const json = objectOf(GOAL, sel);
    return json && `(SELECT ${json} FROM goals g WHERE g.id = t.goal_id)`;
  },
  blockedBy: (sel: SelectionTree) => {
    const json = objectOf(TASK, sel);
    return (
      json &&
      `coalesce((SELECT json_agg(${json} ORDER BY b.created_at, b.id)
        FROM task_dependencies d JOIN tasks b ON b.id = d.blocked_by_id WHERE d.task_id = t.id), '[]')`
    );
  },
  blocking: (sel: SelectionTree) => {
    const json = objectOf(TASK, sel);
    return (
      json &&
      `coalesce((SELECT json_agg(${json} ORDER BY b.created_at, b.id)
        FROM task_dependencies d JOIN tasks b ON b.id = d.task_id WHERE d.blocked_by_id = t.id), '[]')`
    );
  },
  comments: (sel: SelectionTree) => {
    const json = objectOf(COMMENT, sel);
    return (
      json &&
      `coalesce((SELECT json_agg(${json} ORDER BY c.created_at, c.id)
        FROM task_comments c WHERE c.task_id = t.id), '[]')`
    );
  },
} satisfies Record<string, (sel: SelectionTree) => string | null>;

export type TaskRelation = keyof typeof TASK_RELATIONS;

/**
 * Under this key of a listed task's prefetched values: the organisations of its lead and
 * contributing partners, built in the page's own statement when the selection asks for
 * `viewerCan` (the rule of who may change a task depends on them). Not a field of the schema.
 */
export const INVOLVED_ORGANISATIONS = 'involvedOrganisationIds';

/** The organisations of the page row `t`'s lead and contributing partners, as a JSON array of ids. */
export const INVOLVED_ORGANISATIONS_SQL = `to_json(ARRAY(
  SELECT pp.organisation_id FROM ${PARTNERS_FROM} WHERE pp.id = t.lead_partner_id
  UNION SELECT pp.organisation_id FROM task_contributing_partners cp JOIN ${PARTNERS_FROM} ON pp.id = cp.partner_id
   WHERE cp.task_id = t.id))`;
