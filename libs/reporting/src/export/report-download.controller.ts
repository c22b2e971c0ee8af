import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { type ReportFormat, ReportExportService } from './report-export.service.js';

const RULE =
  'members of the alliance (Bearer token): coordination parts; casework as suppressed aggregates for COORDINATOR, ALLIANCE_ADMIN, CASE_WORKER; intern=true (own organisation unsuppressed, audited) for CASE_WORKER only; 404 for everyone else';

@Controller('alliances')
export class ReportDownloadController {
  constructor(private readonly exports: ReportExportService) {}

  private async send(
    actor: Actor,
    id: string,
    query: Record<string, unknown>,
    format: ReportFormat,
    res: any,
  ) {
    const file = await this.exports.download(actor, id, query, format);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.end(file.buffer);
  }

  @Get(':id/report.xlsx')
  @Allow.signedIn(RULE)
  xlsx(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: any,
  ) {
    return this.send(actor, id, query, 'xlsx', res);
  }

  @Get(':id/report.csv')
  @Allow.signedIn(RULE)
  csv(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: any,
  ) {
    return this.send(actor, id, query, 'csv', res);
  }

  @Get(':id/report.pdf')
  @Allow.signedIn(RULE)
  pdf(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: any,
  ) {
    return this.send(actor, id, query, 'pdf', res);
  }
}
