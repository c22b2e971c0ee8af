import { Module } from '@nestjs/common';
import { AllianceModule } from '../../alliance/src/index.js';
import { CaseworkModule } from '../../casework/src/index.js';
import { CoordinationModule } from '../../coordination/src/index.js';
import { IdentityModule } from '../../identity/src/index.js';
import { MeetingsModule } from '../../meetings/src/index.js';
import { AllianceReportResolver } from './alliance-report.resolver.js';
import { AllianceReportService } from './alliance-report.service.js';
import { ReportDownloadController } from './export/report-download.controller.js';
import { ReportExportService } from './export/report-export.service.js';

/** The alliance report: each context's own figures, composed; casework only as published aggregates. */
@Module({
  imports: [IdentityModule, AllianceModule, CoordinationModule, MeetingsModule, CaseworkModule],
  controllers: [ReportDownloadController],
  providers: [AllianceReportService, AllianceReportResolver, ReportExportService],
})
export class ReportingModule {}
