import { Injectable } from '@nestjs/common';
import { MeetingsReportRepository } from './meetings-report.repository.js';

export interface MeetingFigures {
  meetingId: string;
  title: string;
  kind: string;
  status: string;
  startsAt: Date;
  invitedPartners: number;
  presentPartners: number;
  quorumReached: boolean;
}
export interface PartnerAttendanceFigures {
  partnerId: string;
  organisationName: string;
  shortName: string | null;
  invited: number;
  present: number;
  /** present / invited. */
  rate: number;
}
export interface DecisionFigures {
  decisionId: string;
  meetingId: string;
  number: string;
  title: string;
  outcome: string;
  followUpTasks: { title: string; status: string; dueOn: string | null }[];
}
export interface MeetingsFigures {
  meetings: MeetingFigures[];
  attendance: PartnerAttendanceFigures[];
  decisions: DecisionFigures[];
}

/** Meetings held, attendance and decisions of an alliance for a period (the caller has checked membership). */
@Injectable()
export class MeetingsReportService {
  constructor(private readonly repository: MeetingsReportRepository) {}

  async figures(allianceId: string, from: string, to: string): Promise<MeetingsFigures> {
    const [meetings, attendance, decisions] = await Promise.all([
      this.repository.meetingsHeld(allianceId, from, to),
      this.repository.attendanceByPartner(allianceId, from, to),
      this.repository.decisions(allianceId, from, to),
    ]);
    return {
      meetings: meetings.map((m) => ({
        meetingId: m.id,
        title: m.title,
        kind: m.kind,
        status: m.status,
        startsAt: new Date(m.starts_at),
        invitedPartners: m.invited,
        presentPartners: m.present,
        quorumReached: m.quorate,
      })),
      attendance: attendance.map((a) => ({
        partnerId: a.partner_id,
        organisationName: a.organisation_name,
        shortName: a.short_name,
        invited: a.invited,
        present: a.present,
        rate: a.invited ? a.present / a.invited : 0,
      })),
      decisions: decisions.map((d) => ({
        decisionId: d.id,
        meetingId: d.meeting_id,
        number: d.number,
        title: d.title,
        outcome: d.outcome,
        followUpTasks: d.follow_ups,
      })),
    };
  }
}
