import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { DomainError, logger } from '../../core/src/index.js';

/** An answer the OParl view gives instead of an object: status, German message, debug hint. */
export class OparlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly debug: string,
  ) {
    super(message);
  }

  static notFound(): OparlError {
    return new OparlError(
      404,
      'Dieses Objekt gibt es nicht oder es ist nicht öffentlich. Beginnen Sie beim System-Objekt unter /oparl/v1.1/.',
      'NOT_FOUND',
    );
  }

  static badRequest(message: string, parameter: string): OparlError {
    return new OparlError(400, message, `BAD_USER_INPUT: ${parameter}`);
  }

  static gone(): OparlError {
    return new OparlError(410, 'Diese Datei ist nicht mehr öffentlich.', 'GONE');
  }
}

export const OPARL_ERROR_TYPE = 'https://schema.oparl.org/1.1/Error';

/** Headers every answer of the public view carries, errors included. */
export function publicHeaders(res: any): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('cross-origin-resource-policy', 'cross-origin');
}

/** Errors of the OParl routes as OParl error objects (type, message, debug) with an error status. */
@Catch()
export class OparlErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse();
    const req = http.getRequest();
    let status = 500;
    let message = 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.';
    let debug = `INTERNAL_SERVER_ERROR: correlation id ${req?.id ?? ''}`.trim();
    if (error instanceof OparlError) {
      ({ status, message, debug } = error);
    } else if (error instanceof DomainError && error.code === 'NOT_FOUND') {
      ({ status, message, debug } = OparlError.notFound());
    } else if (error instanceof HttpException && error.getStatus() < 500) {
      status = error.getStatus();
      message = 'Diese Anfrage kann die OParl-Schnittstelle nicht beantworten.';
      debug = error.message;
    } else {
      logger.error({ err: error, correlationId: req?.id }, 'unexpected error in the OParl view');
    }
    publicHeaders(res);
    res.setHeader('cache-control', 'no-store');
    res.status(status).json({ type: OPARL_ERROR_TYPE, message, debug });
  }
}
