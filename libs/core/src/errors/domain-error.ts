import { IntrinsicException } from '@nestjs/common';
import { FieldRule } from './field-rules.js';

/** The error codes of the public contract (schema.graphql header). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The password was right; a code of the second factor is needed (or, at first, its set-up). */
  SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED',
  /** This deployment signs people in through its identity provider only (PASSWORD_SIGN_IN=false). */
  PASSWORD_SIGN_IN_DISABLED = 'PASSWORD_SIGN_IN_DISABLED',
  /** A dependency (database, Redis) cannot be reached or timed out: retry after `Retry-After` seconds. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** The Idempotency-Key was used before for a different request: send a new key. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /**
   * The request with this Idempotency-Key was carried out before, but its answer was not kept (a
   * fault after the commit): nothing was written again; reload to see the result.
   */
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** What a client waits before retrying an UNAVAILABLE answer: a database restart takes seconds. */
export const RETRY_AFTER_SECONDS = 5;

export interface FieldError {
  /** Dotted argument path, e.g. "input.password". */
  path: string;
  message: string;
  /** The rule the value broke (a stable code for clients); INVALID when none more precise is named. */
  rule?: FieldRule;
}

/**
 * An expected failure with a contract code. Its message must never contain personal data.
 * (An IntrinsicException, so Nest does not log it as if it were a fault.)
 */
export class DomainError extends IntrinsicException {
  /** The offending fields, each with its rule (INVALID where the thrower named none). */
  readonly fields?: FieldError[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    fields?: FieldError[],
    /** Further `extensions` of the GraphQL error (ids and names only, never personal data). */
    readonly details?: Record<string, string | number | boolean | null>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.fields = fields?.map((f) => ({
      path: f.path,
      message: f.message,
      rule: f.rule ?? FieldRule.INVALID,
    }));
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }
  static forbidden(message = 'Not allowed'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
  static unauthenticated(message = 'Not signed in'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message);
  }
  static badInput(fields: FieldError[], message = 'Invalid input'): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, fields);
  }
  static field(path: string, message: string, rule?: FieldRule): DomainError {
    return DomainError.badInput([{ path, message, rule }]);
  }
  static consentRequired(message: string): DomainError {
    return new DomainError(ErrorCode.CONSENT_REQUIRED, message);
  }
  /** Retryable: HTTP 503 with Retry-After, also for GraphQL (Apollo reads `extensions.http`). */
  static unavailable(retryAfterSeconds = RETRY_AFTER_SECONDS): DomainError {
    const error = new DomainError(
      ErrorCode.UNAVAILABLE,
      'The service is temporarily unavailable, try again shortly',
    );
    (error as DomainError & { extensions: unknown }).extensions = {
      code: ErrorCode.UNAVAILABLE,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    };
    return error;
  }
  static rateLimited(message = 'Too many attempts, try again later'): DomainError {
    return new DomainError(ErrorCode.RATE_LIMITED, message);
  }
}
