import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  type FieldError,
  isCalendarDay,
} from '../../../core/src/index.js';
import { AllianceReportService } from '../alliance-report.service.js';
import { label, type Lang } from './labels.js';
import { toPdf } from './report-pdf.js';
import { toCsv, toXlsx } from './report-files.js';
import { reportTables } from './report-tables.js';

export type ReportFormat = 'xlsx' | 'csv' | 'pdf';

const TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ReportDownload {
  buffer: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * The report's downloads, with the same access as allianceReport. Published files carry casework
 * only as suppressed aggregates; a case worker's own unsuppressed figures only with `intern`, which
 * is recorded in the audit log (names, no values).
 */
@Injectable()
export class ReportExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: AllianceReportService,
    private readonly audit: AuditService,
  ) {}

  async download(
    actor: Actor,
    allianceId: string,
    query: { from?: unknown; to?: unknown; lang?: unknown; intern?: unknown },
    format: ReportFormat,
  ): Promise<ReportDownload> {
    const fields: FieldError[] = [];
    for (const key of ['from', 'to'] as const)
      if (typeof query[key] !== 'string' || !isCalendarDay(query[key] as string))
        fields.push({ path: key, message: 'must be a calendar day YYYY-MM-DD' });
    if (query.lang !== undefined && query.lang !== 'de' && query.lang !== 'en')
      fields.push({ path: 'lang', message: 'must be de or en' });
    if (query.intern !== undefined && query.intern !== 'true' && query.intern !== 'false')
      fields.push({ path: 'intern', message: 'must be true or false' });
    if (fields.length) throw DomainError.badInput(fields);
    const from = query.from as string;
    const to = query.to as string;
    const lang = (query.lang ?? 'de') as Lang;
    const intern = query.intern === 'true';

    const report = await this.reports.allianceReport(actor, allianceId, from, to);
    if (!report) throw DomainError.notFound('Alliance');
    if (intern) {
      if (!report.ownOrganisationCasework)
        throw DomainError.forbidden("Only case workers may download their own organisation's figures");
      await this.dataSource.transaction((em) =>
        this.audit.append(em, {
          actorId: actor.userId,
          action: 'allianceReport.exportedInternal',
          entityType: 'Alliance',
          entityId: allianceId,
          allianceId,
          changedFields: ['ownOrganisationCasework', format],
        }),
      );
    }
    const tables = reportTables(report, lang, intern);
    const title = `${label(lang, 'report')}: ${report.allianceName}`;
    const period = `${label(lang, 'period')}: ${from.split('-').reverse().join('.')} – ${to.split('-').reverse().join('.')}`;
    const buffer =
      format === 'xlsx'
        ? await toXlsx(title, tables)
        : format === 'csv'
          ? toCsv(tables)
          : await toPdf(
              { title, subtitle: intern ? `${period} · ${label(lang, 'internalNote')}` : period, from, to },
              tables,
              report.goals.flatMap((g) =>
                g.indicators.map((i) => ({ title: `${g.title} – ${i.name} (${i.unit})`, indicator: i })),
              ),
            );
    return {
      buffer,
      contentType: TYPES[format],
      fileName: `buendnisbericht-${from}-${to}${intern ? '-intern' : ''}.${format}`,
    };
  }
}
