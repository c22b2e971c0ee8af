import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaItemEntity, MeetingEntity } from '../meetings/meeting.entities.js';
import type { AttendanceStatus } from '../meetings/meeting.enums.js';

export interface InvitedRow {
  partnerId: string;
  status: AttendanceStatus | null;
  attendeeIds: string[];
}

/** A decision as the printed record shows it: with the amended number and the agenda position. */
export interface RecordedDecisionRow {
  id: string;
  number: string;
  title: string;
  text: string;
  outcome: string;
  consensus: boolean;
  votes_for: number | null;
  votes_against: number | null;
  abstentions: number | null;
  amends_number: string | null;
  agenda_position: number | null;
}

/** The SQL of the printable record of one meeting (own tables only; names come from their contexts). */
@Injectable()
export class MinutesRecordRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  meeting(id: string): Promise<MeetingEntity | null> {
    return this.dataSource.getRepository(MeetingEntity).findOne({ where: { id } });
  }

  /** Invited partners in invitation order with their recorded attendance, if any. */
  async invited(meetingId: string): Promise<InvitedRow[]> {
    const rows: { partner_id: string; status: AttendanceStatus | null; attendee_ids: string[] | null }[] =
      await this.dataSource.query(
        `SELECT i.partner_id, a.status, a.attendee_ids
           FROM meeting_invited_partners i
           LEFT JOIN attendances a ON a.meeting_id = i.meeting_id AND a.partner_id = i.partner_id
          WHERE i.meeting_id = $1
          ORDER BY i.position`,
        [meetingId],
      );
    return rows.map((r) => ({
      partnerId: r.partner_id,
      status: r.status,
      attendeeIds: r.attendee_ids ?? [],
    }));
  }

  agenda(meetingId: string): Promise<AgendaItemEntity[]> {
    return this.dataSource
      .getRepository(AgendaItemEntity)
      .find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  /** The decision that approved the minutes, with the date of the meeting that took it. */
  async approvalDecision(id: string): Promise<{ number: string; meetingStartsAt: Date } | null> {
    const rows: { number: string; starts_at: Date }[] = await this.dataSource.query(
      `SELECT d.number, m.starts_at FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE d.id = $1`,
      [id],
    );
    return rows[0] ? { number: rows[0].number, meetingStartsAt: rows[0].starts_at } : null;
  }

  decisions(meetingId: string, allianceId: string): Promise<RecordedDecisionRow[]> {
    return this.dataSource.query(
      `SELECT d.*, am.number AS amends_number, ai.position AS agenda_position
         FROM decisions d
         LEFT JOIN decisions am ON am.id = d.amends_id
         LEFT JOIN agenda_items ai ON ai.id = d.agenda_item_id
        WHERE d.meeting_id = $1 AND d.alliance_id = $2
        ORDER BY d.year, d.serial`,
      [meetingId, allianceId],
    );
  }
}
