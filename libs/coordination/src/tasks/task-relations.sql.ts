import { PREFETCHED, type SelectionTree } from '../../../core/src/index.js';

/**
 * The task board's relations as JSON built in the page's own statement, with only the sub-fields
 * the query selects (PostGraphile's discipline): a comment author asked for by display name costs
 * one column, not the user's whole row. Each object also carries its ids (cheap), so a nested field
 * that is not built here still resolves through its loader from them. When a selection names a
 * field this module does not know (a field another context resolves from columns not listed here),
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
