import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AttendanceEntity } from '../meetings/meeting.entities.js';
import type { AttendanceStatus } from '../meetings/meeting.enums.js';

export interface AttendanceRecord {
  meetingId: string;
  partnerId: string;
  status: AttendanceStatus;
  attendeeIds: string[];
  recordedById: string;
}

/** The SQL of attendance: one row per meeting and invited partner. */
@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records or replaces the partner's attendance; returns the row's id. */
  async upsert(em: EntityManager, a: AttendanceRecord): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO attendances (meeting_id, partner_id, status, attendee_ids, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4::uuid[], $5, now())
       ON CONFLICT (meeting_id, partner_id)
       DO UPDATE SET status = EXCLUDED.status, attendee_ids = EXCLUDED.attendee_ids, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
       RETURNING id`,
      [a.meetingId, a.partnerId, a.status, a.attendeeIds, a.recordedById],
    );
    return rows[0].id;
  }

  async find(em: EntityManager, id: string): Promise<AttendanceEntity | null> {
    return em.findOne(AttendanceEntity, { where: { id } });
  }

  /** The partners whose attendance at the meeting is recorded. */
  async recordedPartnerIds(em: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { partner_id: string }[] = await em.query(
      'SELECT partner_id FROM attendances WHERE meeting_id = $1',
      [meetingId],
    );
    return rows.map((r) => r.partner_id);
  }

  /** Recorded attendance of the meetings in the order the partners were invited. */
  async ofMeetings(meetingIds: readonly string[]): Promise<AttendanceEntity[]> {
    const rows: any[] = await this.dataSource.query(
      `SELECT a.* FROM attendances a
         LEFT JOIN meeting_invited_partners i ON i.meeting_id = a.meeting_id AND i.partner_id = a.partner_id
        WHERE a.meeting_id = ANY($1::uuid[])
        ORDER BY i.position NULLS LAST, a.recorded_at`,
      [[...meetingIds]],
    );
    return rows.map((r) =>
      Object.assign(new AttendanceEntity(), {
        id: r.id,
        meetingId: r.meeting_id,
        partnerId: r.partner_id,
        status: r.status,
        attendeeIds: r.attendee_ids,
        recordedById: r.recorded_by,
        recordedAt: r.recorded_at,
      }),
    );
  }
}
