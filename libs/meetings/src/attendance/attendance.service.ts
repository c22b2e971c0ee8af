import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AuditService,
  DomainError,
  groupBy,
  LoaderRegistry,
  presentFields,
} from '../../../core/src/index.js';
import { AllianceService } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import type { AttendanceEntity } from '../meetings/meeting.entities.js';
import { AttendanceStatus, MeetingChange, MeetingStatus } from '../meetings/meeting.enums.js';
import type { RecordAttendanceInput } from '../meetings/meeting.inputs.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { assertState } from '../meetings/meeting-state.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { AttendanceRepository } from './attendance.repository.js';

/** Who of the invited partners attended, and through whom. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AttendanceRepository,
    private readonly meetingRepo: MeetingRepository,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  /**
   * Records (or replaces) one invited partner's attendance. Before the meeting only apologies
   * (EXCUSED) can be recorded; attendees are members of the alliance from the partner's organisation.
   */
  record(actor: Actor, input: RecordAttendanceInput): Promise<AttendanceEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForRunning(em, actor, input.meetingId);
      assertState(meeting, 'recordAttendance');
      if (meeting.status === MeetingStatus.SCHEDULED && input.status !== AttendanceStatus.EXCUSED) {
        throw DomainError.conflict(
          'recordAttendance is not possible: before the meeting starts only apologies (EXCUSED) can be recorded',
        );
      }
      if (!(await this.meetingRepo.isInvited(em, meeting.id, input.partnerId)))
        throw DomainError.field('input.partnerId', 'is not invited to this meeting');
      const attendeeIds = [...new Set(input.attendeeIds ?? [])];
      if (attendeeIds.length && input.status !== AttendanceStatus.PRESENT) {
        throw DomainError.field(
          'input.attendeeIds',
          'attendees can only be named for a partner that is PRESENT',
        );
      }
      if (attendeeIds.length) {
        const [partner] = await this.alliances.requirePartners(
          em,
          meeting.allianceId,
          [input.partnerId],
          'input.partnerId',
        );
        const members = await this.users.membersFromOrganisation(
          em,
          meeting.allianceId,
          partner.organisationId,
          attendeeIds,
        );
        if (members.length !== attendeeIds.length) {
          throw DomainError.field(
            'input.attendeeIds',
            "must be members of the alliance from the partner's organisation",
          );
        }
      }
      const id = await this.repo.upsert(em, {
        meetingId: meeting.id,
        partnerId: input.partnerId,
        status: input.status,
        attendeeIds,
        recordedById: actor.userId,
      });
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'recordAttendance',
        entityType: 'Attendance',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      this.meetings.announce(em, MeetingChange.ATTENDANCE_CHANGED, meeting);
      return (await this.repo.find(em, id))!;
    });
  }

  /** Recorded attendance in the order the partners were invited. */
  attendanceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AttendanceEntity[]>('meeting.attendance', async (ids) =>
      groupBy(ids, await this.repo.ofMeetings(ids), (a) => a.meetingId),
    );
  }
}
