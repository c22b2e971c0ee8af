import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Whose cases count: the organisations that are partners of an alliance, or one organisation. */
export type StatisticsScope = { allianceId: string } | { organisationId: string };

/**
 * Each row is one count of a grouping: `bucket` is the first day of the quarter (Europe/Berlin) or,
 * for a whole-period query, the period's first day; a null breakdown with `total` set is the line total.
 */
export interface CaseCountRow {
  bucket: string;
  /** The owning organisation: the figures know who contributed how much (a partner could subtract its own). */
  org: string;
  event: 'opened' | 'closed' | 'erased';
  area: string | null;
  total: boolean;
  n: number;
}
export interface HandoverCountRow {
  bucket: string;
  event: 'requested' | 'accepted' | 'declined' | 'completed';
  from_id: string | null;
  to_id: string | null;
  total: boolean;
  n: number;
  median_hours: number | null;
}
export interface ConsentCountRow {
  bucket: string;
  event: 'recorded' | 'withdrawn';
  form: string | null;
  language: string | null;
  interpreter: boolean | null;
  /** Which breakdown the row belongs to: form, language, interpreter, or the total. */
  grouping: 'form' | 'language' | 'interpreter' | 'total';
  org: string;
  n: number;
}

const BERLIN = `'Europe/Berlin'`;
const LOW = `($2::date::timestamp AT TIME ZONE ${BERLIN})`;
const HIGH = `(($3::date + 1)::timestamp AT TIME ZONE ${BERLIN})`;

function orgs(scope: StatisticsScope): string {
  return 'allianceId' in scope
    ? `SELECT organisation_id AS id FROM partners WHERE alliance_id = $1`
    : `SELECT $1::uuid AS id`;
}

function bucket(column: string, byQuarter: boolean): string {
  return byQuarter ? `date_trunc('quarter', ${column} AT TIME ZONE ${BERLIN})::date::text` : `$2::date::text`;
}

function inRange(column: string): string {
  return `${column} >= ${LOW} AND ${column} < ${HIGH}`;
}

/**
 * Casework statistics from pseudonymous facts only (dates, status, support areas, consent form and
 * language, handover parties): no case data is read or decrypted. Each method is one statement.
 */
@Injectable()
export class CaseStatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private params(scope: StatisticsScope, from: string, to: string): unknown[] {
    return ['allianceId' in scope ? scope.allianceId : scope.organisationId, from, to];
  }

  /** Cases opened, closed and erased, per support area (a case counts in each of its areas) and in total. */
  caseCounts(scope: StatisticsScope, from: string, to: string, byQuarter: boolean): Promise<CaseCountRow[]> {
    const owned = `c.owner_organisation_id IN (SELECT id FROM orgs)`;
    return this.dataSource.query(
      `WITH orgs AS (${orgs(scope)}),
       ev AS (
         SELECT c.id, c.owner_organisation_id AS org, 'opened' AS event, c.opened_at AS at, c.support_areas FROM cases c WHERE ${owned} AND ${inRange('c.opened_at')}
         UNION ALL
         SELECT c.id, c.owner_organisation_id, 'closed', c.closed_at, c.support_areas FROM cases c WHERE ${owned} AND ${inRange('c.closed_at')}
         UNION ALL
         SELECT c.id, c.owner_organisation_id, 'erased', c.erased_at, c.support_areas FROM cases c WHERE ${owned} AND ${inRange('c.erased_at')}
       ),
       b AS (SELECT ${bucket('ev.at', byQuarter)} AS bucket, ev.org, ev.event, ev.id, a.area
               FROM ev LEFT JOIN LATERAL unnest(ev.support_areas) AS a(area) ON true)
       SELECT bucket, org, event, area, GROUPING(area) = 1 AS total, count(DISTINCT id)::int AS n
         FROM b GROUP BY GROUPING SETS ((bucket, org, event, area), (bucket, org, event))
       HAVING GROUPING(area) = 1 OR area IS NOT NULL`,
      this.params(scope, from, to),
    );
  }

  /**
   * Handovers requested, accepted (also when later completed or cancelled), declined and completed,
   * per pair of organisations and in total, with the median hours from request to acceptance.
   * For an alliance both parties are its partners; for one organisation it is either party.
   */
  handoverCounts(
    scope: StatisticsScope,
    from: string,
    to: string,
    byQuarter: boolean,
  ): Promise<HandoverCountRow[]> {
    const parties =
      'allianceId' in scope
        ? `h.from_organisation_id IN (SELECT id FROM orgs) AND h.to_organisation_id IN (SELECT id FROM orgs)`
        : `(h.from_organisation_id = $1 OR h.to_organisation_id = $1)`;
    return this.dataSource.query(
      `WITH orgs AS (${orgs(scope)}),
       h AS (SELECT h.* FROM handovers h WHERE ${parties}),
       ev AS (
         SELECT from_organisation_id AS f, to_organisation_id AS t, 'requested' AS event, requested_at AS at, NULL::double precision AS hours
           FROM h WHERE ${inRange('requested_at')}
         UNION ALL
         SELECT from_organisation_id, to_organisation_id, 'accepted', responded_at, extract(epoch FROM responded_at - requested_at) / 3600
           FROM h WHERE status <> 'DECLINED' AND ${inRange('responded_at')}
         UNION ALL
         SELECT from_organisation_id, to_organisation_id, 'declined', responded_at, NULL FROM h WHERE status = 'DECLINED' AND ${inRange('responded_at')}
         UNION ALL
         SELECT from_organisation_id, to_organisation_id, 'completed', completed_at, NULL FROM h WHERE ${inRange('completed_at')}
       ),
       b AS (SELECT ${bucket('ev.at', byQuarter)} AS bucket, ev.* FROM ev)
       SELECT bucket, event, f AS from_id, t AS to_id, GROUPING(f, t) > 0 AS total, count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median_hours
         FROM b GROUP BY GROUPING SETS ((bucket, event, f, t), (bucket, event))`,
      this.params(scope, from, to),
    );
  }

  /**
   * Consents recorded, by form, by the language the client was informed in and by interpreter use; withdrawals by form.
   * A legal basis (form STATUTORY) is no consent: statutory transfers count among the handovers.
   */
  consentCounts(
    scope: StatisticsScope,
    from: string,
    to: string,
    byQuarter: boolean,
  ): Promise<ConsentCountRow[]> {
    const owned = `c.owner_organisation_id IN (SELECT id FROM orgs)`;
    return this.dataSource.query(
      `WITH orgs AS (${orgs(scope)}),
       r AS (SELECT ${bucket('k.recorded_at', byQuarter)} AS bucket, c.owner_organisation_id AS org, k.form, k.informed_in_language AS language, k.interpreter_used AS interpreter
               FROM consents k JOIN cases c ON c.id = k.case_id WHERE ${owned} AND k.form <> 'STATUTORY' AND ${inRange('k.recorded_at')}),
       w AS (SELECT ${bucket('k.withdrawn_at', byQuarter)} AS bucket, c.owner_organisation_id AS org, k.form
               FROM consents k JOIN cases c ON c.id = k.case_id WHERE ${owned} AND k.form <> 'STATUTORY' AND ${inRange('k.withdrawn_at')})
       SELECT bucket, 'recorded' AS event, form, language, interpreter,
              CASE WHEN GROUPING(form) = 0 THEN 'form' WHEN GROUPING(language) = 0 THEN 'language'
                   WHEN GROUPING(interpreter) = 0 THEN 'interpreter' ELSE 'total' END AS grouping,
              org, count(*)::int AS n
         FROM r GROUP BY GROUPING SETS ((bucket, org, form), (bucket, org, language), (bucket, org, interpreter), (bucket, org))
       UNION ALL
       SELECT bucket, 'withdrawn', form, NULL, NULL, CASE WHEN GROUPING(form) = 0 THEN 'form' ELSE 'total' END, org, count(*)::int
         FROM w GROUP BY GROUPING SETS ((bucket, org, form), (bucket, org))`,
      this.params(scope, from, to),
    );
  }

  /** The frozen figures of finished quarters already published for the alliance. */
  frozenQuarters(
    allianceId: string,
    quarterStarts: string[],
  ): Promise<{ quarter_start: string; minimum_count: number; figures: unknown }[]> {
    return this.dataSource.query(
      `SELECT quarter_start::text AS quarter_start, minimum_count, figures FROM case_statistics_quarters
        WHERE alliance_id = $1 AND quarter_start = ANY($2::date[])`,
      [allianceId, quarterStarts],
    );
  }

  /** Freezes quarters; a concurrent first report that froze a quarter already wins (its figures stay). */
  async freeze(
    allianceId: string,
    minimumCount: number,
    quarters: { quarterStart: string; figures: unknown }[],
  ): Promise<void> {
    if (!quarters.length) return;
    await this.dataSource.query(
      `INSERT INTO case_statistics_quarters (alliance_id, quarter_start, minimum_count, figures)
       SELECT $1, q.quarter_start, $2, q.figures
         FROM jsonb_to_recordset($3::jsonb) AS q(quarter_start date, figures jsonb)
       ON CONFLICT (alliance_id, quarter_start) DO NOTHING`,
      [
        allianceId,
        minimumCount,
        JSON.stringify(quarters.map((q) => ({ quarter_start: q.quarterStart, figures: q.figures }))),
      ],
    );
  }
}
