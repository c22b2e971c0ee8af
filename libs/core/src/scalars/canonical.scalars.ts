import { rewireTypes } from '@graphql-tools/utils';
import {
  GraphQLError,
  GraphQLScalarType,
  GraphQLSchema,
  type GraphQLNamedType,
  GraphQLID,
  Kind,
  type ValueNode,
} from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function badInput(message: string, nodes?: ValueNode): GraphQLError {
  // BAD_USER_INPUT also for a literal in the document (the error formatter finds its argument path).
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT' } });
}

/** A UUID in its one stored spelling (lower case); any other id stays as sent and names nothing. */
export function canonicalId(value: string): string {
  return UUID.test(value) ? value.toLowerCase() : value;
}

function parseId(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string') return canonicalId(value);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  throw badInput('ID must be a string', nodes);
}

/**
 * GraphQL's ID with the ids of this API (UUIDs) canonicalised at the edge: an id spelled in upper
 * case reaches services, queries and the audit hash exactly as PostgreSQL stores it.
 */
export const CanonicalIdScalar = new GraphQLScalarType({
  ...GraphQLID.toConfig(),
  parseValue: (value) => parseId(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT) throw badInput('ID must be a string', ast);
    return parseId(ast.kind === Kind.INT ? Number(ast.value) : ast.value, ast);
  },
});

// RFC 3339 (the ISO-8601 profile of the contract): a day, a time, and a zone; fractions optional.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

export function parseDateTime(value: unknown, nodes?: ValueNode): Date {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  const date = m ? new Date(value as string) : undefined;
  // Date accepts 2026-02-30 by rolling over; compare the day it parsed with the day that was sent.
  const day = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (
    !m ||
    !date ||
    Number.isNaN(date.getTime()) ||
    !day ||
    day.getUTCMonth() !== Number(m[2]) - 1 ||
    Number(m[4]) > 23 ||
    Number(m[5]) > 59 ||
    Number(m[6] ?? 0) > 59
  )
    throw badInput(
      'DateTime must be an ISO-8601 date-time with a time zone, e.g. 2026-05-04T09:30:00Z',
      nodes,
    );
  return date;
}

/** ISO-8601 strings only: a number (milliseconds since 1970) or a date without a time is refused. */
/** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const StrictDateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  // Also a timestamp PostgreSQL already wrote in toISOString's form, or as epoch milliseconds:
  // relations a list builds as JSON in its own statement (the task board) need no Date per row.
  serialize: (value) =>
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'number' && Number.isFinite(value)
        ? new Date(value).toISOString()
        : typeof value === 'string' && ISO_UTC.test(value)
          ? value
          : null,
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

/**
 * The schema with the canonical ID and the strict DateTime in place of the built-ins, wired into
 * every argument and input field (graphql-tools' rewiring keeps resolvers and subscriptions).
 */
export function withCanonicalScalars(schema: GraphQLSchema): GraphQLSchema {
  const replace: Record<string, GraphQLNamedType> = { ID: CanonicalIdScalar, DateTime: StrictDateTimeScalar };
  const original = schema.getTypeMap();
  const types: Record<string, GraphQLNamedType> = {};
  for (const [name, type] of Object.entries(original))
    if (!name.startsWith('__')) types[name] = replace[name] ?? type;
  const { typeMap, directives } = rewireTypes(types, [...schema.getDirectives()]);
  const root = (t: GraphQLNamedType | null | undefined) => (t ? (typeMap[t.name] as any) : undefined);
  return new GraphQLSchema({
    ...schema.toConfig(),
    query: root(schema.getQueryType()),
    mutation: root(schema.getMutationType()),
    subscription: root(schema.getSubscriptionType()),
    types: Object.values(typeMap),
    directives,
  });
}
