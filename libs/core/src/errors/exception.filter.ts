import { type ArgumentsHost, Catch, HttpException, Inject, Optional } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError, ErrorCode, RETRY_AFTER_SECONDS } from './domain-error.js';
import { describeError } from './format-error.js';
import { Availability, dependencyOf, isUnavailable } from './unavailable.js';
import { logger } from '../logging/logger.js';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.CONSENT_REQUIRED]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SECOND_FACTOR_REQUIRED]: 401,
  [ErrorCode.PASSWORD_SIGN_IN_DISABLED]: 403,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [ErrorCode.ALREADY_APPLIED]: 409,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * The one exception filter, for GraphQL and every HTTP route. A database or Redis that cannot be
 * reached becomes the retryable UNAVAILABLE (HTTP 503 with Retry-After), logged once per outage.
 * GraphQL: hands every other error on unchanged to `formatGraphQLError`, which answers and logs it
 * once (Nest's default would log expected errors and driver messages with their values). HTTP
 * routes: a DomainError answers its status and code; anything unexpected answers 500 with a
 * correlation id (the request id) that is also in the log.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  constructor(@Optional() @Inject(Availability) private readonly availability?: Availability) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (isUnavailable(exception)) {
      this.availability?.report(dependencyOf(exception), exception);
      exception = DomainError.unavailable();
    }
    if (host.getType<string>() !== 'http') return exception;
    const res = host.getArgByIndex(1);
    const req = host.getArgByIndex(0);
    if (exception instanceof DomainError) {
      if (!res.headersSent) {
        if (exception.code === ErrorCode.UNAVAILABLE)
          res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        res.status(HTTP_STATUS[exception.code]).json({
          statusCode: HTTP_STATUS[exception.code],
          code: exception.code,
          message: exception.message,
          ...(exception.fields ? { fields: exception.fields } : {}),
        });
      }
      return undefined;
    }
    if (exception instanceof HttpException) {
      // Answered here, as JSON, also on routes that declared another content type (calendar feed).
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (!res.headersSent)
        res.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return undefined;
    }
    if ((exception as any)?.statusCode < 500) return super.catch(exception, host);
    const correlationId: string = req?.id ?? globalThis.crypto.randomUUID();
    logger.error(
      { err: describeError(exception), correlationId, route: req?.route?.path },
      'unexpected error',
    );
    if (!res.headersSent)
      res.status(500).json({ statusCode: 500, message: 'Internal server error', correlationId });
    return undefined;
  }
}
