import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const BERLIN = `'Europe/Berlin'`;
const inPeriod = (column: string) =>
  `(${column} >= ($2::date::timestamp AT TIME ZONE ${BERLIN}) AND ${column} < (($3::date + 1)::timestamp AT TIME ZONE ${BERLIN}))`;

/**
 * A task's counts in [from, to]: created, done and cancelled in the period; overdue: due in the
 * period before today and not done by its due day (done late or not at all), unless cancelled.
 */
const TASK_FLAGS = `${inPeriod('t.created_at')} AS created, ${inPeriod('t.completed_at')} AS done,
  ${inPeriod('t.cancelled_at')} AS cancelled,
  (t.due_on BETWEEN $2::date AND $3::date AND t.due_on < $4::date AND t.status <> 'CANCELLED'
    AND (t.completed_at IS NULL OR (t.completed_at AT TIME ZONE ${BERLIN})::date > t.due_on)) AS overdue`;
const COUNTS = `count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE done)::int AS done,
  count(*) FILTER (WHERE overdue)::int AS overdue, count(*) FILTER (WHERE cancelled)::int AS cancelled`;

export interface TaskCountsRow {
  created: number;
  done: number;
  overdue: number;
  cancelled: number;
}

/** The coordination figures of the alliance report, aggregated in SQL (one statement each). */
@Injectable()
export class CoordinationReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Goals with their indicators and each indicator's latest value observed on or before `to`. */
  goalsWithIndicators(allianceId: string, to: string): Promise<any[]> {
    return this.dataSource.query(
      `SELECT g.id AS goal_id, g.title, g.status, g.parent_id, i.id AS indicator_id, i.name, i.unit, i.baseline, i.target,
              latest.value AS latest_value, latest.observed_on::text AS latest_observed_on
         FROM goals g
         LEFT JOIN indicators i ON i.goal_id = g.id AND i.alliance_id = g.alliance_id
         LEFT JOIN LATERAL (
           SELECT m.value, m.observed_on FROM measurements m
            WHERE m.indicator_id = i.id AND m.observed_on <= $2::date
            ORDER BY m.observed_on DESC, m.recorded_at DESC, m.id DESC LIMIT 1) latest ON true
        WHERE g.alliance_id = $1
        ORDER BY g.created_at, g.id, i.created_at, i.id`,
      [allianceId, to],
    );
  }

  /** Every measurement observed in the period, oldest first. */
  measurements(allianceId: string, from: string, to: string): Promise<any[]> {
    return this.dataSource.query(
      `SELECT m.indicator_id, m.observed_on::text AS observed_on, m.value FROM measurements m
        WHERE m.alliance_id = $1 AND m.observed_on BETWEEN $2::date AND $3::date
        ORDER BY m.indicator_id, m.observed_on, m.recorded_at, m.id`,
      [allianceId, from, to],
    );
  }

  /** Task counts per partner, as lead and as contributing partner. */
  tasksByPartner(allianceId: string, from: string, to: string, today: string): Promise<any[]> {
    return this.dataSource.query(
      `WITH t AS (SELECT t.id, t.lead_partner_id, ${TASK_FLAGS} FROM tasks t WHERE t.alliance_id = $1),
       r AS (SELECT t.*, t.lead_partner_id AS partner_id, 'LEAD' AS role FROM t
             UNION ALL
             SELECT t.*, cp.partner_id, 'CONTRIBUTING' FROM t JOIN task_contributing_partners cp ON cp.task_id = t.id)
       SELECT p.id AS partner_id, o.name AS organisation_name, o.short_name, r.role, ${COUNTS}
         FROM r JOIN partners p ON p.id = r.partner_id AND p.alliance_id = $1
         JOIN organisations o ON o.id = p.organisation_id
        GROUP BY p.id, o.name, o.short_name, r.role
        ORDER BY o.name, p.id, r.role DESC`,
      [allianceId, from, to, today],
    );
  }

  /** Task counts per goal (null: tasks without a goal) and over all tasks. */
  tasksByGoal(allianceId: string, from: string, to: string, today: string): Promise<any[]> {
    return this.dataSource.query(
      `WITH t AS (SELECT t.id, t.goal_id, ${TASK_FLAGS} FROM tasks t WHERE t.alliance_id = $1)
       SELECT t.goal_id, g.title AS goal_title, GROUPING(t.goal_id, g.title) > 0 AS total, ${COUNTS}
         FROM t LEFT JOIN goals g ON g.id = t.goal_id
        GROUP BY GROUPING SETS ((t.goal_id, g.title), ())
        ORDER BY GROUPING(t.goal_id, g.title), g.title NULLS LAST, t.goal_id`,
      [allianceId, from, to, today],
    );
  }
}
