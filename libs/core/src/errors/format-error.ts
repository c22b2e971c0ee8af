import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError, Kind, parse } from 'graphql';
import { literalArgumentPath, variableArgumentPaths } from '../graphql/input-guard.js';
import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError } from './domain-error.js';
import { FieldRule, ruleOfScalar } from './field-rules.js';
import { logger } from '../logging/logger.js';
import { isUnavailable } from './unavailable.js';

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

/**
 * The `fields` of a BAD_USER_INPUT that graphql-js raised itself (a scalar refusing a literal during
 * validation; a variable, should one pass the input guard): the dotted argument path of the AST node
 * the error names, never a path read out of graphql-js's message text.
 */
function inputFieldErrors(error: unknown, message: string): FieldError[] {
  const withNodes = chain(error).find(
    (e): e is GraphQLError => e instanceof GraphQLError && !!e.nodes?.length,
  );
  const node = withNodes?.nodes?.[0];
  const source = node?.loc?.source.body;
  if (!node?.loc || !source) return [];
  let document;
  try {
    document = parse(source);
  } catch {
    return [];
  }
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const name = node.variable.name.value;
    return [
      { path: variableArgumentPaths(document).get(name) ?? name, message, rule: ruleOfMessage(message) },
    ];
  }
  const path = literalArgumentPath(document, node.loc.start);
  return path ? [{ path, message, rule: ruleOfMessage(message) }] : [];
}

/** Our Date and DateTime scalars name themselves first in their refusals ("Date must be …"). */
function ruleOfMessage(message: string): FieldRule {
  const scalar = /^(Date|DateTime)\b/.exec(message)?.[1];
  return scalar ? ruleOfScalar(scalar) : FieldRule.INVALID_VALUE;
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
      extensions: {
        ...original.details,
        code: original.code,
        ...(original.fields ? { fields: original.fields } : {}),
      },
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
  if (isUnavailable(original)) {
    // Not through the filter (e.g. raised by a subscription's source): still retryable, logged as such.
    return {
      ...base,
      message: 'The service is temporarily unavailable, try again shortly',
      extensions: { code: ErrorCode.UNAVAILABLE },
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
