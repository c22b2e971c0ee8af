import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError, ErrorCode } from './domain-error.js';
import { describeError } from './format-error.js';
import { logger } from '../logging/logger.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.CONSENT_REQUIRED]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SECOND_FACTOR_REQUIRED]: 401,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * The global exception filter. GraphQL: hands every error on unchanged to `formatGraphQLError`,
 * which answers and logs it once (Nest's default would log expected errors and driver messages
 * with their values). HTTP routes: a DomainError answers its status and code; anything unexpected
 * answers 500 with a correlation id (the request id) that is also in the log.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return exception;
    const res = host.getArgByIndex(1);
    const req = host.getArgByIndex(0);
    if (exception instanceof DomainError) {
      if (!res.headersSent) {
        res.status(HTTP_STATUS[exception.code]).json({
          statusCode: HTTP_STATUS[exception.code],
          code: exception.code,
          message: exception.message,
          ...(exception.fields ? { fields: exception.fields } : {}),
        });
      }
      return undefined;
    }
    if (exception instanceof HttpException || (exception as any)?.statusCode < 500)
      return super.catch(exception, host);
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
