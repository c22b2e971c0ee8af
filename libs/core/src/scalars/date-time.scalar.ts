import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLScalarType } from 'graphql';

/** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Nest's `DateTime` (same name, description and input parsing), whose output also accepts a
 * timestamp PostgreSQL already wrote in that form (`to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`):
 * relations a list loads as JSON in its own statement need no Date object per timestamp.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: GraphQLISODateTime.name,
  description: GraphQLISODateTime.description,
  parseValue: GraphQLISODateTime.parseValue,
  parseLiteral: GraphQLISODateTime.parseLiteral,
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return typeof value === 'string' && ISO_UTC.test(value) ? value : null;
  },
});
