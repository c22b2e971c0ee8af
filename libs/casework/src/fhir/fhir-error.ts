import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { DomainError, logger } from '../../../core/src/index.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A refusal of the FHIR interface: HTTP status, an OperationOutcome issue code, a plain sentence. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issue: string,
    message: string,
  ) {
    super(message);
  }

  static notFound(): FhirError {
    return new FhirError(
      404,
      'not-found',
      'Diesen Fall oder dieses Objekt gibt es nicht, oder Sie dürfen es nicht sehen: nur Fallbearbeitende der Organisation, der der Fall gehört, können ihn exportieren. / ' +
        'No such case or resource, or you may not see it: only case workers of the organisation that owns the case can export it.',
    );
  }

  static badRequest(parameter: string): FhirError {
    return new FhirError(
      400,
      'invalid',
      `Der Parameter ${parameter} fehlt oder ist ungültig: geben Sie die Id eines Falls an, z. B. ?${parameter}=<Fall-Id>. / ` +
        `The parameter ${parameter} is missing or invalid: give the id of a case, e.g. ?${parameter}=<case id>.`,
    );
  }
}

function outcome(issue: string, diagnostics: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: issue, diagnostics }] };
}

/** Every error of the FHIR routes as an OperationOutcome with its HTTP status. */
@Catch()
export class FhirErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse();
    const req = host.switchToHttp().getRequest();
    let status = 500;
    let issue = 'exception';
    let message =
      'Ein unerwarteter Fehler ist aufgetreten; bitte versuchen Sie es erneut. / An unexpected error occurred; please try again.';
    if (error instanceof FhirError) ({ status, issue, message } = error);
    else if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') {
      status = 401;
      issue = 'login';
      message =
        'Bitte melden Sie sich an und senden Sie das Zugriffstoken als „Authorization: Bearer …“. / Sign in and send the access token as "Authorization: Bearer …".';
    } else if (error instanceof DomainError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))
      ({ status, issue, message } = FhirError.notFound());
    else if (error instanceof HttpException && error.getStatus() < 500) {
      status = error.getStatus();
      issue = 'processing';
      message =
        'Diese Anfrage kann die FHIR-Schnittstelle nicht beantworten. / The FHIR interface cannot answer this request.';
    } else logger.error({ err: error, correlationId: req?.id }, 'unexpected error in the FHIR export');
    res.status(status).setHeader('content-type', FHIR_JSON);
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(outcome(issue, message)));
  }
}
