import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { FhirService } from './fhir.service.js';
import { FHIR_JSON, FhirError, FhirErrorFilter } from './fhir-error.js';

const OWNER = 'CASE_WORKERs of the owning organisation (CASE_WORKER in any alliance membership); audited';

/** FHIR R5 (read-only, JSON): a case's consents and handovers, organisations, the portal's CodeSystems. */
@Controller('fhir/r5')
@UseFilters(FhirErrorFilter)
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  private send(res: any, resource: unknown, cache = 'private, no-store'): void {
    res.setHeader('content-type', FHIR_JSON);
    res.setHeader('cache-control', cache);
    res.end(JSON.stringify(resource));
  }

  @Get('Consent')
  @Allow.signedIn(OWNER)
  async consents(@CurrentActor() actor: Actor, @Query('case') caseId: unknown, @Res() res: any) {
    this.send(res, await this.fhir.consents(actor, caseId));
  }

  @Get('Task')
  @Allow.signedIn(OWNER)
  async tasks(@CurrentActor() actor: Actor, @Query('case') caseId: unknown, @Res() res: any) {
    this.send(res, await this.fhir.tasks(actor, caseId));
  }

  @Get('Organization/:id')
  @Allow.signedIn('any signed-in user (a directory)')
  async organization(@Param('id') id: string, @Res() res: any) {
    this.send(res, await this.fhir.organization(id));
  }

  @Get('CodeSystem/:id')
  @Allow.public('anyone: the terminology of the export (no data)')
  codeSystem(@Param('id') id: string, @Res() res: any) {
    this.send(res, this.fhir.codeSystem(id), 'public, max-age=3600');
  }

  @Get('*rest')
  @Allow.public('anyone: answers a FHIR OperationOutcome (not found)')
  unknown() {
    throw FhirError.notFound();
  }
}
