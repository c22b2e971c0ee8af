import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const BERLIN = `'Europe/Berlin'`;
const HELD = `m.status IN ('IN_PROGRESS', 'ADJOURNED', 'MINUTES_APPROVED')`;
const IN_PERIOD = `m.starts_at >= ($2::date::timestamp AT TIME ZONE ${BERLIN}) AND m.starts_at < (($3::date + 1)::timestamp AT TIME ZONE ${BERLIN})`;

/** The meetings figures of the alliance report: meetings held (started) in the period, aggregated in SQL. */
@Injectable()
export class MeetingsReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each meeting held, with invited and present partners and whether the quorum was reached. */
  meetingsHeld(allianceId: string, from: string, to: string): Promise<any[]> {
    return this.dataSource.query(
      `SELECT m.id, m.title, m.kind, m.status, m.starts_at, inv.invited, inv.present,
              inv.present > al.quorum_share * inv.invited AS quorate
         FROM meetings m JOIN alliances al ON al.id = m.alliance_id
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS invited, count(*) FILTER (WHERE a.status = 'PRESENT')::int AS present
             FROM meeting_invited_partners i
             LEFT JOIN attendances a ON a.meeting_id = i.meeting_id AND a.partner_id = i.partner_id
            WHERE i.meeting_id = m.id) inv
        WHERE m.alliance_id = $1 AND ${HELD} AND ${IN_PERIOD}
        ORDER BY m.starts_at, m.id`,
      [allianceId, from, to],
    );
  }

  /** Per partner: meetings held to which it was invited, and those it attended. */
  attendanceByPartner(allianceId: string, from: string, to: string): Promise<any[]> {
    return this.dataSource.query(
      `SELECT p.id AS partner_id, o.name AS organisation_name, o.short_name,
              count(*)::int AS invited, count(*) FILTER (WHERE a.status = 'PRESENT')::int AS present
         FROM meetings m
         JOIN meeting_invited_partners i ON i.meeting_id = m.id
         JOIN partners p ON p.id = i.partner_id AND p.alliance_id = $1
         JOIN organisations o ON o.id = p.organisation_id
         LEFT JOIN attendances a ON a.meeting_id = m.id AND a.partner_id = i.partner_id
        WHERE m.alliance_id = $1 AND ${HELD} AND ${IN_PERIOD}
        GROUP BY p.id, o.name, o.short_name
        ORDER BY o.name, p.id`,
      [allianceId, from, to],
    );
  }

  /** Decisions taken in meetings held in the period, with their follow-up tasks' state. */
  decisions(allianceId: string, from: string, to: string): Promise<any[]> {
    return this.dataSource.query(
      `SELECT d.id, d.number, d.title, d.outcome, m.id AS meeting_id,
              coalesce(jsonb_agg(jsonb_build_object('title', t.title, 'status', t.status, 'dueOn', t.due_on)
                         ORDER BY t.created_at, t.id) FILTER (WHERE t.id IS NOT NULL), '[]') AS follow_ups
         FROM decisions d
         JOIN meetings m ON m.id = d.meeting_id
         LEFT JOIN tasks t ON t.decision_id = d.id AND t.alliance_id = d.alliance_id
        WHERE d.alliance_id = $1 AND m.alliance_id = $1 AND ${HELD} AND ${IN_PERIOD}
        GROUP BY d.id, m.id
        ORDER BY d.year, d.serial`,
      [allianceId, from, to],
    );
  }
}
