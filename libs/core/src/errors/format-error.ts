import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode } from './domain-error.js';
import { logger } from '../logging/logger.js';

/** Codes that Apollo raises before execution; they pass through unchanged. */
const APOLLO_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

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

/**
 * The one place where errors become GraphQL errors: domain errors keep their code, validation
 * errors list their fields, and anything unexpected is logged with a correlation id and answered
 * without stack, SQL or driver message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
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
  if (code && APOLLO_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  if (original instanceof GraphQLError || (error instanceof GraphQLError && !error.originalError)) {
    // Variable coercion and argument errors raised by graphql-js itself.
    if (code === 'BAD_USER_INPUT') return { ...base, extensions: { code, fields: [] } };
    if (code && (Object.values(ErrorCode) as string[]).includes(code)) return { ...base, extensions: { code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const mapped = HTTP_CODES[status];
    if (mapped) return { ...base, message: original.message, extensions: { code: mapped } };
  }
  const correlationId = requestId ?? cryptoId();
  logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
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
