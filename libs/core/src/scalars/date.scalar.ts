import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

function parse(value: unknown, nodes?: ValueNode): string {
  if (typeof value !== 'string' || !isCalendarDay(value)) {
    // BAD_USER_INPUT also for a literal in the document (the error formatter keeps it and finds the argument path).
    throw new GraphQLError('Date must be a calendar day YYYY-MM-DD', {
      nodes,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar day, YYYY-MM-DD, carried as a string (no time zone). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Date must be a string YYYY-MM-DD', {
        nodes: ast,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    return parse(ast.value, ast);
  },
});

/** Made once: constructing an Intl.DateTimeFormat costs more than a whole board request's SQL parameters. */
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar day in Europe/Berlin, the alliance's local time. */
export function todayInBerlin(now = new Date()): string {
  return BERLIN_DAY.format(now);
}
