import { Injectable } from '@nestjs/common';
import { todayInBerlin } from '../../../core/src/index.js';
import { CoordinationReportRepository, type TaskCountsRow } from './coordination-report.repository.js';

export interface IndicatorFigures {
  indicatorId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  measurements: { observedOn: string; value: number }[];
  /** The latest value observed on or before the period's end. */
  latestValue: number | null;
  /** Share of the way from baseline to target that the latest value has gone (1 = reached); null without a value. */
  progress: number | null;
}
export interface GoalFigures {
  goalId: string;
  title: string;
  status: string;
  parentId: string | null;
  indicators: IndicatorFigures[];
}
export type TaskCounts = TaskCountsRow;
export interface PartnerTaskFigures {
  partnerId: string;
  organisationName: string;
  shortName: string | null;
  asLead: TaskCounts;
  asContributor: TaskCounts;
}
export interface GoalTaskFigures {
  goalId: string | null;
  goalTitle: string | null;
  counts: TaskCounts;
}
export interface CoordinationFigures {
  goals: GoalFigures[];
  tasksByPartner: PartnerTaskFigures[];
  tasksByGoal: GoalTaskFigures[];
  taskTotals: TaskCounts;
}

const NONE: TaskCounts = { created: 0, done: 0, overdue: 0, cancelled: 0 };
const counts = (r: any): TaskCounts =>
  r ? { created: r.created, done: r.done, overdue: r.overdue, cancelled: r.cancelled } : NONE;

/** Goals, indicators and tasks of an alliance for a period (the caller has checked membership). */
@Injectable()
export class CoordinationReportService {
  constructor(private readonly repository: CoordinationReportRepository) {}

  async figures(allianceId: string, from: string, to: string): Promise<CoordinationFigures> {
    const today = todayInBerlin();
    const [goalRows, measurementRows, partnerRows, goalTaskRows] = await Promise.all([
      this.repository.goalsWithIndicators(allianceId, to),
      this.repository.measurements(allianceId, from, to),
      this.repository.tasksByPartner(allianceId, from, to, today),
      this.repository.tasksByGoal(allianceId, from, to, today),
    ]);
    const goals: GoalFigures[] = [];
    for (const r of goalRows) {
      let goal = goals.at(-1);
      if (!goal || goal.goalId !== r.goal_id) {
        goal = { goalId: r.goal_id, title: r.title, status: r.status, parentId: r.parent_id, indicators: [] };
        goals.push(goal);
      }
      if (!r.indicator_id) continue;
      const latest = r.latest_value === null ? null : Number(r.latest_value);
      const span = r.target - r.baseline;
      goal.indicators.push({
        indicatorId: r.indicator_id,
        name: r.name,
        unit: r.unit,
        baseline: r.baseline,
        target: r.target,
        measurements: measurementRows
          .filter((m) => m.indicator_id === r.indicator_id)
          .map((m) => ({ observedOn: m.observed_on, value: m.value })),
        latestValue: latest,
        progress:
          latest === null ? null : span === 0 ? (latest === r.target ? 1 : 0) : (latest - r.baseline) / span,
      });
    }
    const partners = new Map<string, PartnerTaskFigures>();
    for (const r of partnerRows) {
      const p = partners.get(r.partner_id) ?? {
        partnerId: r.partner_id,
        organisationName: r.organisation_name,
        shortName: r.short_name,
        asLead: NONE,
        asContributor: NONE,
      };
      if (r.role === 'LEAD') p.asLead = counts(r);
      else p.asContributor = counts(r);
      partners.set(r.partner_id, p);
    }
    return {
      goals,
      tasksByPartner: [...partners.values()],
      tasksByGoal: goalTaskRows
        .filter((r) => !r.total)
        .map((r) => ({ goalId: r.goal_id, goalTitle: r.goal_title, counts: counts(r) })),
      taskTotals: counts(goalTaskRows.find((r) => r.total)),
    };
  }
}
