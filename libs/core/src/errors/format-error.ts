import type { GraphQLFormattedError, ValueNode } from 'graphql';
import { GraphQLError, Kind, parse, visit } from 'graphql';
import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError } from './domain-error.js';
import { logger } from '../logging/logger.js';

/** Codes that Apollo raises before execution; they pass through unchanged. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

function unwrap(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 5 && e instanceof GraphQLError && e.originalError; i++) e = e.originalError;
  return e;
}

/** The errors of the chain, outermost first. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let e: any = error;
  for (let i = 0; i < 6 && e; i++) {
    out.push(e);
    e = e instanceof GraphQLError ? e.originalError : undefined;
  }
  return out;
}

/** "input.roles[0]" → "input.roles.0" */
function dotted(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Finds the dotted argument path ("input.joinedOn") of a value in the operation's source: either
 * where a variable is used, or the literal value that starts at `offset`.
 */
function argumentPath(
  source: string,
  target: { variable?: string; offset?: number; within?: number },
): string | undefined {
  let doc;
  try {
    doc = parse(source);
  } catch {
    return undefined;
  }
  let found: string | undefined;
  const walk = (v: ValueNode, path: string) => {
    if (found !== undefined) return;
    if (target.offset !== undefined && v.loc?.start === target.offset) found = path;
    else if (target.variable !== undefined && v.kind === Kind.VARIABLE && v.name.value === target.variable)
      found = path;
    else if (v.kind === Kind.OBJECT) for (const f of v.fields) walk(f.value, `${path}.${f.name.value}`);
    else if (v.kind === Kind.LIST) v.values.forEach((x, i) => walk(x, `${path}.${i}`));
  };
  for (const def of doc.definitions) {
    if (
      target.within !== undefined &&
      def.loc &&
      (target.within < def.loc.start || target.within > def.loc.end)
    )
      continue;
    visit(def, {
      Argument(node) {
        walk(node.value, node.name.value);
      },
    });
    if (found !== undefined) return found;
  }
  return found;
}

/**
 * The `fields` of a BAD_USER_INPUT that graphql-js raised while coercing variables or parsing a
 * literal scalar (e.g. a Date), with paths as the contract wants them: dotted argument paths.
 */
function inputFieldErrors(error: unknown, message: string): FieldError[] {
  const withNodes = chain(error).find(
    (e): e is GraphQLError => e instanceof GraphQLError && !!e.nodes?.length,
  );
  const node = withNodes?.nodes?.[0];
  const source = node?.loc?.source.body;
  const variable =
    /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; ([\s\S]*)$/.exec(message) ??
    /^Variable "\$(\w+)" got invalid value [\s\S]*?; ()([\s\S]*)$/.exec(message);
  if (variable) {
    const [, name, at, reason] = variable;
    let path = at ? dotted(at) : name;
    const missing =
      /^Field "(\w+)" of required type .* was not provided\.?$/.exec(reason) ??
      /^Field "(\w+)" is not defined by type/.exec(reason);
    if (missing) path = `${path}.${missing[1]}`;
    const argPath = source ? argumentPath(source, { variable: name, within: node?.loc?.start }) : undefined;
    if (argPath) path = argPath + path.slice(name.length);
    return [{ path, message: reason }];
  }
  const whole = /^Variable "\$(\w+)" of (?:required|non-null) type .*$/.exec(message);
  if (whole) {
    const argPath = source
      ? argumentPath(source, { variable: whole[1], within: node?.loc?.start })
      : undefined;
    return [{ path: argPath ?? whole[1], message }];
  }
  if (node && source && node.loc) {
    const path = argumentPath(source, { offset: node.loc.start });
    if (path) return [{ path, message }];
  }
  return [];
}

/**
 * What the log may say about an unexpected error: its type and stack, and for database errors the
 * SQLSTATE and constraint, never the driver's message, the SQL parameters or values (personal data).
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { driverError?: any; code?: unknown };
  const db = e.driverError ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : undefined);
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  if (db) {
    return {
      type: e.name,
      sqlState: db.code,
      constraint: db.constraint,
      table: db.table,
      column: db.column,
      routine: db.routine,
      stack: frames,
    };
  }
  return { type: e.name, message: e.message, stack: frames };
}

/**
 * The one place where errors become GraphQL errors: domain errors keep their code, validation
 * errors list their fields, and anything unexpected is logged with a correlation id and answered
 * without stack, SQL or driver message.
 */
export interface FormatErrorOptions {
  /** Production: no "Did you mean …?" in any message (Apollo strips it from validation errors only). */
  hideSuggestions?: boolean;
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId?: string,
  options: FormatErrorOptions = {},
): GraphQLFormattedError {
  const result = format(formatted, error, requestId);
  if (!options.hideSuggestions) return result;
  const fields = result.extensions?.fields as FieldError[] | undefined;
  return {
    ...result,
    message: result.message.replace(SUGGESTION, ''),
    ...(fields
      ? {
          extensions: {
            ...result.extensions,
            fields: fields.map((f) => ({ ...f, message: f.message.replace(SUGGESTION, '') })),
          },
        }
      : {}),
  };
}

function format(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const original = unwrap(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.fields ? { fields: original.fields } : {}) },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  // A scalar (e.g. Date) refusing a literal during validation: bad input, not a bad document.
  if (
    code === 'GRAPHQL_VALIDATION_FAILED' &&
    original instanceof GraphQLError &&
    original.extensions?.code === ErrorCode.BAD_USER_INPUT
  ) {
    return {
      ...base,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: inputFieldErrors(error, formatted.message) },
    };
  }
  if (code && APOLLO_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  if (original instanceof GraphQLError || (error instanceof GraphQLError && !error.originalError)) {
    // Variable coercion and argument errors raised by graphql-js itself.
    if (code === 'BAD_USER_INPUT')
      return { ...base, extensions: { code, fields: inputFieldErrors(error, formatted.message) } };
    if (code && (Object.values(ErrorCode) as string[]).includes(code))
      return { ...base, extensions: { code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const mapped = HTTP_CODES[status];
    if (mapped)
      return {
        ...base,
        message: original.message,
        extensions: { code: mapped, ...(mapped === ErrorCode.BAD_USER_INPUT ? { fields: [] } : {}) },
      };
  }
  const correlationId = requestId ?? cryptoId();
  logger.error({ err: describeError(original), correlationId, path: formatted.path }, 'unexpected error');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
