import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  type Actor,
  AuditService,
  byKey,
  DomainError,
  groupBy,
  hasRole,
  isMember,
  isUuid,
  LoaderRegistry,
  presentFields,
  Role,
  visibleTo,
} from '../../../core/src/index.js';
import { AllianceService, PartnerStatus } from '../../../alliance/src/index.js';
import {
  AgendaItemEntity,
  AttendanceEntity,
  MeetingEntity,
  MeetingInvitedPartnerEntity,
} from './meeting.entities.js';
import { AttendanceStatus, MeetingStatus } from './meeting.enums.js';
import {
  AddAgendaItemInput,
  RecordAttendanceInput,
  ScheduleMeetingInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './meeting.inputs.js';
import { MinutesStatus } from './meeting.enums.js';
import type { MinutesModel } from './meeting.models.js';

/** States in which the record (agenda, attendance, decisions) may still change. */
export const OPEN_RECORD = [MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS, MeetingStatus.ADJOURNED];
export const MAX_MINUTES_LENGTH = 200_000;
const MAX_MEETINGS_LISTED = 500;

const STATE_TEXT: Record<MeetingStatus, string> = {
  SCHEDULED: 'has not started yet',
  IN_PROGRESS: 'is in progress',
  ADJOURNED: 'is adjourned',
  MINUTES_APPROVED: 'has approved minutes; its record is final',
  CANCELLED: 'is cancelled',
};

/** CONFLICT unless the meeting is in one of the states. */
export function assertState(meeting: MeetingEntity, allowed: MeetingStatus[], operation: string): void {
  if (!allowed.includes(meeting.status)) {
    throw DomainError.conflict(`${operation} is not possible: the meeting ${STATE_TEXT[meeting.status]}`);
  }
}

/**
 * Who plans and runs a meeting: a COORDINATOR of its alliance, or its named facilitator while they
 * still hold the FACILITATOR or COORDINATOR role there.
 */
export function canRun(actor: Actor, meeting: Pick<MeetingEntity, 'allianceId' | 'facilitatorId'>): boolean {
  if (hasRole(actor, meeting.allianceId, Role.COORDINATOR)) return true;
  return (
    meeting.facilitatorId === actor.userId &&
    hasRole(actor, meeting.allianceId, Role.FACILITATOR, Role.COORDINATOR)
  );
}

export function minutesOf(m: MeetingEntity): MinutesModel | null {
  if (m.minutesText === null) return null;
  return {
    meetingId: m.id,
    text: m.minutesText,
    status: m.status === MeetingStatus.MINUTES_APPROVED ? MinutesStatus.APPROVED : MinutesStatus.DRAFT,
    savedAt: m.minutesSavedAt,
    approvedAt: m.minutesApprovedAt,
    approvedById: m.minutesApprovedById,
  };
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly alliances: AllianceService,
  ) {}

  // ── reading ────────────────────────────────────────────────

  /** null when it does not exist or the caller is not a member of its alliance. */
  async get(actor: Actor, id: string): Promise<MeetingEntity | null> {
    if (!isUuid(id)) return null;
    const meeting = await this.dataSource.getRepository(MeetingEntity).findOne({ where: { id } });
    return visibleTo(actor, meeting);
  }

  /** Meetings starting in [from, to), oldest first; empty for non-members. */
  async list(
    actor: Actor,
    allianceId: string,
    from?: Date | null,
    to?: Date | null,
    status?: MeetingStatus[] | null,
  ): Promise<MeetingEntity[]> {
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) return [];
    const qb = this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.alliance_id = :allianceId', { allianceId })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(MAX_MEETINGS_LISTED);
    if (from) qb.andWhere('m.starts_at >= :from', { from });
    if (to) qb.andWhere('m.starts_at < :to', { to });
    if (status?.length) qb.andWhere('m.status IN (:...status)', { status });
    return qb.getMany();
  }

  /**
   * Locks the meeting row for the rest of the transaction; NOT_FOUND when the caller may not see
   * it, FORBIDDEN when they may see but not run it.
   */
  async lockForRunning(
    em: EntityManager,
    actor: Actor,
    id: string,
    mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<MeetingEntity> {
    if (!isUuid(id)) throw DomainError.notFound('Meeting');
    const meeting = await em.findOne(MeetingEntity, { where: { id }, lock: { mode } });
    if (!meeting || !isMember(actor, meeting.allianceId)) throw DomainError.notFound('Meeting');
    if (!canRun(actor, meeting))
      throw DomainError.forbidden("Only the meeting's facilitator or a COORDINATOR may do this");
    return meeting;
  }

  // ── scheduling ─────────────────────────────────────────────

  schedule(actor: Actor, input: ScheduleMeetingInput): Promise<MeetingEntity> {
    if (!isMember(actor, input.allianceId)) throw DomainError.notFound('Alliance');
    const coordinator = hasRole(actor, input.allianceId, Role.COORDINATOR);
    if (!coordinator) {
      if (!hasRole(actor, input.allianceId, Role.FACILITATOR))
        throw DomainError.forbidden('Requires one of the roles COORDINATOR, FACILITATOR');
      if (input.facilitatorId !== actor.userId)
        throw DomainError.forbidden('A FACILITATOR schedules only meetings they facilitate themselves');
    }
    if (input.endsAt.getTime() <= input.startsAt.getTime())
      throw DomainError.field('input.endsAt', 'must be after startsAt');
    return this.dataSource.transaction(async (em) => {
      await this.requireFacilitator(em, input.allianceId, input.facilitatorId, 'input.facilitatorId');
      const invited = await this.requireInvitable(
        em,
        input.allianceId,
        input.invitedPartnerIds,
        'input.invitedPartnerIds',
      );
      const meeting = await em.save(
        em.create(MeetingEntity, {
          allianceId: input.allianceId,
          title: input.title.trim(),
          kind: input.kind,
          status: MeetingStatus.SCHEDULED,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          location: input.location?.trim() || null,
          facilitatorId: input.facilitatorId,
          createdById: actor.userId,
          calendarSequence: 0,
        }),
      );
      await this.saveInvited(em, meeting.id, invited);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'scheduleMeeting',
        entityType: 'Meeting',
        entityId: meeting.id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      return meeting;
    });
  }

  update(actor: Actor, id: string, input: UpdateMeetingInput): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.lockForRunning(em, actor, id);
      assertState(meeting, OPEN_RECORD, 'updateMeeting');
      const fields = presentFields(input);
      if (input.title !== undefined) meeting.title = input.title.trim();
      if (input.startsAt !== undefined) meeting.startsAt = input.startsAt;
      if (input.endsAt !== undefined) meeting.endsAt = input.endsAt;
      if (input.location !== undefined) meeting.location = input.location?.trim() || null;
      if (meeting.endsAt.getTime() <= meeting.startsAt.getTime()) {
        throw DomainError.field(
          input.endsAt !== undefined ? 'input.endsAt' : 'input.startsAt',
          'endsAt must be after startsAt',
        );
      }
      if (input.facilitatorId !== undefined && input.facilitatorId !== meeting.facilitatorId) {
        await this.requireFacilitator(em, meeting.allianceId, input.facilitatorId, 'input.facilitatorId');
        meeting.facilitatorId = input.facilitatorId;
      }
      if (input.invitedPartnerIds !== undefined) {
        const invited = await this.requireInvitable(
          em,
          meeting.allianceId,
          input.invitedPartnerIds,
          'input.invitedPartnerIds',
        );
        const recorded: { partner_id: string }[] = await em.query(
          'SELECT partner_id FROM attendances WHERE meeting_id = $1',
          [meeting.id],
        );
        if (recorded.some((r) => !invited.includes(r.partner_id))) {
          throw DomainError.field(
            'input.invitedPartnerIds',
            'partners whose attendance is recorded must stay invited',
          );
        }
        await em.query('DELETE FROM meeting_invited_partners WHERE meeting_id = $1', [meeting.id]);
        await this.saveInvited(em, meeting.id, invited);
      }
      if (fields.length) meeting.calendarSequence += 1;
      const saved = await em.save(meeting);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateMeeting',
        entityType: 'Meeting',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: fields,
      });
      return saved;
    });
  }

  cancel(actor: Actor, id: string, reason?: string | null): Promise<MeetingEntity> {
    if (reason && reason.length > 2000) throw DomainError.field('reason', 'must be at most 2000 characters');
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.lockForRunning(em, actor, id);
      assertState(meeting, [MeetingStatus.SCHEDULED], 'cancelMeeting');
      meeting.status = MeetingStatus.CANCELLED;
      meeting.cancelledAt = new Date();
      meeting.cancellationReason = reason?.trim() || null;
      meeting.calendarSequence += 1;
      const saved = await em.save(meeting);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'cancelMeeting',
        entityType: 'Meeting',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: reason ? ['status', 'cancellationReason'] : ['status'],
      });
      return saved;
    });
  }

  // ── lifecycle ──────────────────────────────────────────────

  start(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.transition(actor, id, 'startMeeting', [MeetingStatus.SCHEDULED], (m) => {
      m.status = MeetingStatus.IN_PROGRESS;
      m.startedAt = new Date();
      return ['status'];
    });
  }

  adjourn(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.transition(actor, id, 'adjournMeeting', [MeetingStatus.IN_PROGRESS], (m) => {
      m.status = MeetingStatus.ADJOURNED;
      m.adjournedAt = new Date();
      return ['status'];
    });
  }

  async saveMinutes(actor: Actor, meetingId: string, text: string): Promise<MinutesModel> {
    if (typeof text !== 'string' || text.length > MAX_MINUTES_LENGTH)
      throw DomainError.field('text', `must be at most ${MAX_MINUTES_LENGTH} characters`);
    const meeting = await this.transition(
      actor,
      meetingId,
      'saveMinutes',
      [MeetingStatus.ADJOURNED],
      (m) => {
        m.minutesText = text;
        m.minutesSavedAt = new Date();
        return ['minutes.text'];
      },
      'Minutes',
    );
    return minutesOf(meeting)!;
  }

  async approveMinutes(actor: Actor, meetingId: string): Promise<MinutesModel> {
    const meeting = await this.transition(
      actor,
      meetingId,
      'approveMinutes',
      [MeetingStatus.ADJOURNED],
      (m) => {
        if (m.minutesText === null || !m.minutesText.trim())
          throw DomainError.conflict('approveMinutes is not possible: no minutes have been saved');
        m.status = MeetingStatus.MINUTES_APPROVED;
        m.minutesApprovedAt = new Date();
        m.minutesApprovedById = actor.userId;
        return ['status', 'minutes.status'];
      },
      'Minutes',
    );
    return minutesOf(meeting)!;
  }

  private transition(
    actor: Actor,
    id: string,
    action: string,
    from: MeetingStatus[],
    apply: (m: MeetingEntity) => string[],
    entityType = 'Meeting',
  ): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.lockForRunning(em, actor, id);
      assertState(meeting, from, action);
      const fields = apply(meeting);
      const saved = await em.save(meeting);
      await this.audit.append(em, {
        actorId: actor.userId,
        action,
        entityType,
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: fields,
      });
      return saved;
    });
  }

  // ── agenda ─────────────────────────────────────────────────

  addAgendaItem(actor: Actor, input: AddAgendaItemInput): Promise<AgendaItemEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.lockForRunning(em, actor, input.meetingId);
      assertState(meeting, OPEN_RECORD, 'addAgendaItem');
      const [{ count }] = await em.query(
        'SELECT count(*)::int AS count FROM agenda_items WHERE meeting_id = $1',
        [meeting.id],
      );
      const position = input.position ?? count + 1;
      if (position > count + 1)
        throw DomainError.field('input.position', `must be between 1 and ${count + 1}`);
      if (input.presenterPartnerId)
        await this.alliances.requirePartners(
          em,
          meeting.allianceId,
          [input.presenterPartnerId],
          'input.presenterPartnerId',
        );
      if (position <= count) {
        await em.query(
          'UPDATE agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2',
          [meeting.id, position],
        );
      }
      const item = await em.save(
        em.create(AgendaItemEntity, {
          meetingId: meeting.id,
          position,
          title: input.title.trim(),
          description: input.description ?? null,
          presenterPartnerId: input.presenterPartnerId ?? null,
          durationMinutes: input.durationMinutes ?? null,
        }),
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'addAgendaItem',
        entityType: 'AgendaItem',
        entityId: item.id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      return item;
    });
  }

  updateAgendaItem(actor: Actor, id: string, input: UpdateAgendaItemInput): Promise<AgendaItemEntity> {
    return this.dataSource.transaction(async (em) => {
      const { meeting, item } = await this.lockAgendaItem(em, actor, id);
      assertState(meeting, OPEN_RECORD, 'updateAgendaItem');
      const fields = presentFields(input);
      if (input.title !== undefined) item.title = input.title.trim();
      if (input.description !== undefined) item.description = input.description;
      if (input.durationMinutes !== undefined) item.durationMinutes = input.durationMinutes;
      if (input.presenterPartnerId !== undefined) {
        if (input.presenterPartnerId)
          await this.alliances.requirePartners(
            em,
            meeting.allianceId,
            [input.presenterPartnerId],
            'input.presenterPartnerId',
          );
        item.presenterPartnerId = input.presenterPartnerId;
      }
      if (input.position !== undefined && input.position !== item.position) {
        const [{ count }] = await em.query(
          'SELECT count(*)::int AS count FROM agenda_items WHERE meeting_id = $1',
          [meeting.id],
        );
        if (input.position > count)
          throw DomainError.field('input.position', `must be between 1 and ${count}`);
        if (input.position < item.position) {
          await em.query(
            'UPDATE agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2 AND position < $3',
            [meeting.id, input.position, item.position],
          );
        } else {
          await em.query(
            'UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2 AND position <= $3',
            [meeting.id, item.position, input.position],
          );
        }
        item.position = input.position;
      }
      const saved = await em.save(item);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateAgendaItem',
        entityType: 'AgendaItem',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: fields,
      });
      return saved;
    });
  }

  /** Removes an item and closes the gap; an item with decisions stays (CONFLICT). */
  removeAgendaItem(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const { meeting, item } = await this.lockAgendaItem(em, actor, id);
      assertState(meeting, OPEN_RECORD, 'removeAgendaItem');
      const decided = await em.query('SELECT 1 FROM decisions WHERE agenda_item_id = $1 LIMIT 1', [id]);
      if (decided.length)
        throw DomainError.conflict(
          'removeAgendaItem is not possible: decisions were recorded under this item',
        );
      await em.query('DELETE FROM agenda_items WHERE id = $1', [id]);
      await em.query(
        'UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2',
        [meeting.id, item.position],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'removeAgendaItem',
        entityType: 'AgendaItem',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: [],
      });
      return meeting;
    });
  }

  private async lockAgendaItem(em: EntityManager, actor: Actor, id: string) {
    if (!isUuid(id)) throw DomainError.notFound('AgendaItem');
    const found = await em.findOne(AgendaItemEntity, { where: { id } });
    if (!found) throw DomainError.notFound('AgendaItem');
    const meeting = await this.lockForRunning(em, actor, found.meetingId).catch((e) => {
      throw e instanceof DomainError && e.code === 'NOT_FOUND' ? DomainError.notFound('AgendaItem') : e;
    });
    // Re-read under the meeting's lock: a concurrent move may have shifted it.
    const item = (await em.findOne(AgendaItemEntity, { where: { id } }))!;
    return { meeting, item };
  }

  // ── attendance ─────────────────────────────────────────────

  /**
   * Records (or replaces) one invited partner's attendance. Before the meeting only apologies
   * (EXCUSED) can be recorded; attendees are members of the alliance from the partner's organisation.
   */
  recordAttendance(actor: Actor, input: RecordAttendanceInput): Promise<AttendanceEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.lockForRunning(em, actor, input.meetingId);
      assertState(meeting, OPEN_RECORD, 'recordAttendance');
      if (meeting.status === MeetingStatus.SCHEDULED && input.status !== AttendanceStatus.EXCUSED) {
        throw DomainError.conflict(
          'recordAttendance is not possible: before the meeting starts only apologies (EXCUSED) can be recorded',
        );
      }
      const invited = await em.query(
        'SELECT p.organisation_id FROM meeting_invited_partners i JOIN partners p ON p.id = i.partner_id WHERE i.meeting_id = $1 AND i.partner_id = $2',
        [meeting.id, input.partnerId],
      );
      if (!invited.length) throw DomainError.field('input.partnerId', 'is not invited to this meeting');
      const attendeeIds = [...new Set(input.attendeeIds ?? [])];
      if (attendeeIds.length && input.status !== AttendanceStatus.PRESENT) {
        throw DomainError.field(
          'input.attendeeIds',
          'attendees can only be named for a partner that is PRESENT',
        );
      }
      if (attendeeIds.length) {
        const ok: { id: string }[] = await em.query(
          `SELECT u.id FROM users u JOIN memberships ms ON ms.user_id = u.id AND ms.alliance_id = $2
            WHERE u.id = ANY($1::uuid[]) AND u.organisation_id = $3`,
          [attendeeIds, meeting.allianceId, invited[0].organisation_id],
        );
        if (ok.length !== attendeeIds.length) {
          throw DomainError.field(
            'input.attendeeIds',
            "must be members of the alliance from the partner's organisation",
          );
        }
      }
      const rows: { id: string }[] = await em.query(
        `INSERT INTO attendances (meeting_id, partner_id, status, attendee_ids, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4::uuid[], $5, now())
         ON CONFLICT (meeting_id, partner_id)
         DO UPDATE SET status = EXCLUDED.status, attendee_ids = EXCLUDED.attendee_ids, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
         RETURNING id`,
        [meeting.id, input.partnerId, input.status, attendeeIds, actor.userId],
      );
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'recordAttendance',
        entityType: 'Attendance',
        entityId: rows[0].id,
        allianceId: meeting.allianceId,
        changedFields: presentFields(input),
      });
      return (await em.findOne(AttendanceEntity, { where: { id: rows[0].id } }))!;
    });
  }

  // ── validation helpers ─────────────────────────────────────

  private async requireFacilitator(
    em: EntityManager,
    allianceId: string,
    userId: string,
    path: string,
  ): Promise<void> {
    const rows: { roles: Role[] }[] = await em.query(
      'SELECT roles FROM memberships WHERE alliance_id = $1 AND user_id = $2',
      [allianceId, userId],
    );
    const roles = rows[0]?.roles ?? [];
    if (!roles.includes(Role.FACILITATOR) && !roles.includes(Role.COORDINATOR)) {
      throw DomainError.field(path, 'must be a FACILITATOR or COORDINATOR member of the alliance');
    }
  }

  /** Active or prospective partners of the alliance, in the order given, without duplicates. */
  private async requireInvitable(
    em: EntityManager,
    allianceId: string,
    ids: string[],
    path: string,
  ): Promise<string[]> {
    const unique = [...new Set(ids)];
    await this.alliances.requirePartners(em, allianceId, unique, path, [
      PartnerStatus.ACTIVE,
      PartnerStatus.PROSPECTIVE,
    ]);
    return unique;
  }

  private async saveInvited(em: EntityManager, meetingId: string, partnerIds: string[]): Promise<void> {
    if (!partnerIds.length) return;
    await em.query(
      'INSERT INTO meeting_invited_partners (meeting_id, partner_id, position) SELECT $1, p, n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(p, n)',
      [meetingId, partnerIds],
    );
  }

  // ── loaders ────────────────────────────────────────────────

  meetingLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MeetingEntity | null>('meeting.byId', async (ids) =>
      byKey(
        ids,
        await this.dataSource.getRepository(MeetingEntity).find({ where: { id: In([...ids]) } }),
        (m) => m.id,
      ),
    );
  }

  invitedPartnerIdsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, string[]>('meeting.invitedPartnerIds', async (ids) => {
      const rows = await this.dataSource
        .getRepository(MeetingInvitedPartnerEntity)
        .find({ where: { meetingId: In([...ids]) }, order: { position: 'ASC' } });
      return groupBy(ids, rows, (r) => r.meetingId).map((list) => list.map((r) => r.partnerId));
    });
  }

  agendaLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AgendaItemEntity[]>('meeting.agenda', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(AgendaItemEntity)
          .find({ where: { meetingId: In([...ids]) }, order: { position: 'ASC' } }),
        (a) => a.meetingId,
      ),
    );
  }

  agendaItemLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AgendaItemEntity | null>('agendaItem.byId', async (ids) =>
      byKey(
        ids,
        await this.dataSource.getRepository(AgendaItemEntity).find({ where: { id: In([...ids]) } }),
        (a) => a.id,
      ),
    );
  }

  /** Recorded attendance in the order the partners were invited. */
  attendanceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, AttendanceEntity[]>('meeting.attendance', async (ids) => {
      const rows: any[] = await this.dataSource.query(
        `SELECT a.* FROM attendances a
           LEFT JOIN meeting_invited_partners i ON i.meeting_id = a.meeting_id AND i.partner_id = a.partner_id
          WHERE a.meeting_id = ANY($1::uuid[])
          ORDER BY i.position NULLS LAST, a.recorded_at`,
        [[...ids]],
      );
      const entities = rows.map((r) =>
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
      return groupBy(ids, entities, (a) => a.meetingId);
    });
  }

  /** present > quorumShare × invited, computed in one statement for all meetings asked. */
  quorateLoader(loaders: LoaderRegistry) {
    return loaders.get<string, boolean>('meeting.quorate', async (ids) => {
      const rows: { id: string; quorate: boolean }[] = await this.dataSource.query(
        `SELECT m.id,
                (SELECT count(*) FROM attendances a
                   JOIN meeting_invited_partners i ON i.meeting_id = a.meeting_id AND i.partner_id = a.partner_id
                  WHERE a.meeting_id = m.id AND a.status = 'PRESENT')
                > al.quorum_share * (SELECT count(*) FROM meeting_invited_partners i WHERE i.meeting_id = m.id) AS quorate
           FROM meetings m JOIN alliances al ON al.id = m.alliance_id
          WHERE m.id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const map = new Map(rows.map((r) => [r.id, r.quorate]));
      return ids.map((id) => map.get(id) ?? false);
    });
  }
}
