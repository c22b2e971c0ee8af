import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  hasRole,
  Role,
  todayInBerlin,
} from '../../../core/src/index.js';
import { buildFigures, type CaseworkFigures, sumFigures } from './case-statistics.figures.js';
import { CaseStatisticsRepository, type StatisticsScope } from './case-statistics.repository.js';
import { type GridQuarter, quartersWithin } from './quarter-grid.js';

export interface CaseworkStatistics {
  /** Suppressed (published) figures, or an organisation's own figures for internal use. */
  suppressed: boolean;
  /** The threshold below which counts are suppressed; null for unsuppressed figures. */
  minimumCount: number | null;
  /** Set for an organisation's own figures. */
  organisationId: string | null;
  /** The finished grid quarters within the period, each frozen when first published. */
  quarters: CaseworkFigures[];
  /** The whole period: sums of the quarters (suppressed), or the exact period (own figures). Null without a quarter. */
  total: CaseworkFigures | null;
  /** Quarters within the period that have not ended yet, so are not published. */
  unpublishedQuarters: string[];
}

/**
 * The casework part of the alliance report, computed and suppressed here so that no personal value
 * leaves this context: counts of pseudonymous facts, on a fixed grid of quarters, frozen once
 * published (libs/reporting/README.md: the disclosure-control method).
 */
@Injectable()
export class CaseStatisticsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: CaseStatisticsRepository,
  ) {}

  /** Whether the actor gets the alliance's suppressed casework aggregates. */
  maySeeAllianceStatistics(actor: Actor, allianceId: string): boolean {
    return hasRole(actor, allianceId, Role.COORDINATOR, Role.ALLIANCE_ADMIN, Role.CASE_WORKER);
  }

  /** Whether the actor gets their own organisation's unsuppressed figures (internal use). */
  maySeeOwnStatistics(actor: Actor, allianceId: string): boolean {
    return !!actor.roles.get(allianceId)?.includes(Role.CASE_WORKER);
  }

  /** The alliance's published casework statistics for a period; null for callers who may not see them. */
  async forAlliance(
    actor: Actor,
    allianceId: string,
    from: string,
    to: string,
  ): Promise<CaseworkStatistics | null> {
    if (!this.maySeeAllianceStatistics(actor, allianceId)) return null;
    const today = todayInBerlin();
    const within = quartersWithin(from, to);
    const finished = within.filter((q) => q.to < today);
    const quarters = await this.frozenOrComputed(allianceId, finished);
    return {
      suppressed: true,
      minimumCount: this.config.reportMinimumCount,
      organisationId: null,
      quarters,
      total: quarters.length
        ? sumFigures(
            {
              label: `${quarters[0].from}/${quarters.at(-1)!.to}`,
              from: quarters[0].from,
              to: quarters.at(-1)!.to,
            },
            quarters,
          )
        : null,
      unpublishedQuarters: within.filter((q) => q.to >= today).map((q) => q.label),
    };
  }

  /** The caller's own organisation's figures for exactly the period, unsuppressed: CASE_WORKERs only. */
  async forOwnOrganisation(
    actor: Actor,
    allianceId: string,
    from: string,
    to: string,
  ): Promise<CaseworkStatistics | null> {
    if (!this.maySeeOwnStatistics(actor, allianceId)) return null;
    const scope: StatisticsScope = { organisationId: actor.organisationId };
    const [cases, handovers, consents] = await Promise.all([
      this.repository.caseCounts(scope, from, to, false),
      this.repository.handoverCounts(scope, from, to, false),
      this.repository.consentCounts(scope, from, to, false),
    ]);
    return {
      suppressed: false,
      minimumCount: null,
      organisationId: actor.organisationId,
      quarters: [],
      total: buildFigures({ label: `${from}/${to}`, from, to }, cases, handovers, consents, null),
      unpublishedQuarters: [],
    };
  }

  private async frozenOrComputed(allianceId: string, quarters: GridQuarter[]): Promise<CaseworkFigures[]> {
    if (!quarters.length) return [];
    const starts = quarters.map((q) => q.from);
    let stored = await this.repository.frozenQuarters(allianceId, starts);
    const missing = quarters.filter((q) => !stored.some((s) => s.quarter_start === q.from));
    if (missing.length) {
      const scope = { allianceId };
      const from = missing[0].from;
      const to = missing.at(-1)!.to;
      const [cases, handovers, consents] = await Promise.all([
        this.repository.caseCounts(scope, from, to, true),
        this.repository.handoverCounts(scope, from, to, true),
        this.repository.consentCounts(scope, from, to, true),
      ]);
      const k = this.config.reportMinimumCount;
      await this.repository.freeze(
        allianceId,
        k,
        missing.map((q) => ({
          quarterStart: q.from,
          figures: buildFigures(
            q,
            cases.filter((r) => r.bucket === q.from),
            handovers.filter((r) => r.bucket === q.from),
            consents.filter((r) => r.bucket === q.from),
            k,
          ),
        })),
      );
      stored = await this.repository.frozenQuarters(allianceId, starts);
    }
    return quarters.map((q) => stored.find((s) => s.quarter_start === q.from)!.figures as CaseworkFigures);
  }
}
