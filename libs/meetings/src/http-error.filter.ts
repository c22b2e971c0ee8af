import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, logger } from '../../core/src/index.js';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  CONSENT_REQUIRED: 403,
  RATE_LIMITED: 429,
  SECOND_FACTOR_REQUIRED: 401,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * For this context's HTTP routes (calendar feed, printable minutes): domain errors, also those of
 * the access guard, answer their HTTP status with the contract's code; anything else a bare 500.
 */
@Catch()
export class DomainHttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse();
    const req = http.getRequest();
    if (error instanceof DomainError) {
      res.status(STATUS[error.code] ?? 500).json({ code: error.code, message: error.message });
      return;
    }
    if (error instanceof HttpException) {
      res.status(error.getStatus()).json({ message: error.message });
      return;
    }
    logger.error({ err: error, correlationId: req?.id }, 'unexpected error');
    res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId: req?.id });
  }
}
