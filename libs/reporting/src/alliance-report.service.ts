import { Injectable } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  isMember,
  isUuid,
  LoaderRegistry,
  FieldRule,
} from '../../core/src/index.js';
import { AllianceService } from '../../alliance/src/index.js';
import { type CaseworkStatistics, CaseStatisticsService, type StatCell } from '../../casework/src/index.js';
import { CoordinationReportService } from '../../coordination/src/index.js';
import { MeetingsReportService } from '../../meetings/src/index.js';
import type { AllianceReportModel } from './models/alliance-report.models.js';
import type { CaseworkStatisticsModel, StatisticCellModel } from './models/casework-report.models.js';

/** Longest period one report covers (keeps a report bounded). */
const MAX_DAYS = 3660;

/** Adds the printed form to every count cell of casework statistics. */
function withDisplay(stats: CaseworkStatistics | null, k: number | null): CaseworkStatisticsModel | null {
  if (!stats) return null;
  const walk = (x: any): any => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      if ('suppressed' in x && 'value' in x && Object.keys(x).length === 2) {
        const c = x as StatCell;
        return {
          ...c,
          display: c.suppressed === 'PRIMARY' ? `< ${k ?? ''}` : c.suppressed ? 'x' : String(c.value ?? ''),
        } as StatisticCellModel;
      }
      return Object.fromEntries(Object.entries(x).map(([key, v]) => [key, walk(v)]));
    }
    return x;
  };
  return walk(stats);
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * Composes the alliance report from each context's own figures: coordination and meetings for every
 * member; casework only as the aggregates its context publishes (and, for CASE_WORKERs, their own
 * organisation's figures).
 */
@Injectable()
export class AllianceReportService {
  constructor(
    private readonly alliances: AllianceService,
    private readonly coordination: CoordinationReportService,
    private readonly meetings: MeetingsReportService,
    private readonly casework: CaseStatisticsService,
  ) {}

  /** null when the alliance does not exist or the caller is not a member. */
  async allianceReport(
    actor: Actor,
    allianceId: string,
    from: string,
    to: string,
  ): Promise<AllianceReportModel | null> {
    if (to < from)
      throw DomainError.field(
        'to',
        'The end of the period must not be before its start',
        FieldRule.END_BEFORE_START,
      );
    if (days(from, to) > MAX_DAYS)
      throw DomainError.field('to', 'A report covers at most ten years', FieldRule.PERIOD_TOO_LONG);
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) return null;
    const loaders = new LoaderRegistry();
    const alliance = await this.alliances.allianceLoader(loaders).load(allianceId);
    if (!alliance) return null;
    const [coordination, meetings, casework, own] = await Promise.all([
      this.coordination.figures(allianceId, from, to),
      this.meetings.figures(allianceId, from, to),
      this.casework.forAlliance(actor, allianceId, from, to),
      this.casework.forOwnOrganisation(actor, allianceId, from, to),
    ]);
    const report: AllianceReportModel = {
      allianceId,
      allianceName: alliance.name,
      from,
      to,
      ...(coordination as any),
      ...(meetings as any),
      casework: withDisplay(casework, casework?.minimumCount ?? null),
      ownOrganisationCasework: withDisplay(own, null),
    };
    await this.nameOrganisations(loaders, [report.casework, report.ownOrganisationCasework]);
    return report;
  }

  /** Handover rows carry organisation ids; the report prints their names (one batched load). */
  private async nameOrganisations(loaders: LoaderRegistry, stats: (CaseworkStatisticsModel | null)[]) {
    const rows = stats.flatMap((s) =>
      s ? [...s.quarters, ...(s.total ? [s.total] : [])].flatMap((f) => f.handovers) : [],
    );
    const ids = [...new Set(rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]).filter(Boolean))];
    if (!ids.length) return;
    const orgs = await this.alliances.organisationLoader(loaders).loadMany(ids as string[]);
    const name = new Map(
      orgs.flatMap((o) => (o && !(o instanceof Error) ? [[o.id, o.shortName ?? o.name] as const] : [])),
    );
    for (const r of rows) {
      r.fromOrganisationName = r.fromOrganisationId ? (name.get(r.fromOrganisationId) ?? null) : null;
      r.toOrganisationName = r.toOrganisationId ? (name.get(r.toOrganisationId) ?? null) : null;
    }
  }
}
