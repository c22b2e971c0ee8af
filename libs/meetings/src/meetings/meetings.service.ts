import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allianceWhere,
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
  FieldRule,
} from '../../../core/src/index.js';
import { AllianceService, PartnerStatus } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import { AttendanceRepository } from '../attendance/attendance.repository.js';
import type { MeetingEntity } from './meeting.entities.js';
import { MeetingEventsService } from '../events/meeting-events.service.js';
import { MeetingNoticesService } from '../notices/meeting-notices.service.js';
import type { MeetingNoticeKind } from '../notices/meeting-notice.repository.js';
import { MeetingChange, MeetingStatus } from './meeting.enums.js';
import type { ScheduleMeetingInput, UpdateMeetingInput } from './meeting.inputs.js';
import { type LockMode, MeetingRepository } from './meeting.repository.js';
import { assertState, isQuorate, type MeetingOperation, nextStatus } from './meeting-state.js';

const MAX_MEETINGS_LISTED = 500;

/** The notification each lifecycle operation owes the meeting's people. */
const NOTICE_OF: Partial<Record<MeetingOperation, MeetingNoticeKind>> = {
  cancelMeeting: 'MEETING_CANCELLED',
  saveMinutes: 'MINUTES_READY',
  approveMinutes: 'MINUTES_APPROVED',
};

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

/** Meetings themselves: scheduling, editing, the lifecycle, and the lock every feature takes. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: MeetingRepository,
    private readonly attendance: AttendanceRepository,
    private readonly audit: AuditService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
    private readonly events: MeetingEventsService,
    private readonly notices: MeetingNoticesService,
  ) {}

  /** Notifies the meeting's people later, in the background: one row now, whatever their number. */
  notice(em: EntityManager, kind: MeetingNoticeKind, meeting: Pick<MeetingEntity, 'id'>, actor: Actor) {
    return this.notices.enqueue(em, kind, meeting, actor.userId);
  }

  /** Announces a change of the meeting to its live subscribers once `em`'s transaction commits. */
  announce(em: EntityManager, change: MeetingChange, meeting: Pick<MeetingEntity, 'id'>): void {
    this.events.schedule(em, change, meeting);
  }

  // ── reading ────────────────────────────────────────────────

  /** null when it does not exist or the caller is not a member of its alliance. */
  async get(actor: Actor, id: string): Promise<MeetingEntity | null> {
    const scope = allianceWhere(actor);
    if (!isUuid(id) || !scope) return null;
    return this.repo.findById(id, scope);
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
    return this.repo.list(allianceId, { from, to, status }, MAX_MEETINGS_LISTED);
  }

  /**
   * Locks the meeting row for the rest of the transaction; NOT_FOUND when the caller may not see
   * it, FORBIDDEN when they may see but not run it.
   */
  async lockForRunning(
    em: EntityManager,
    actor: Actor,
    id: string,
    mode: LockMode = 'pessimistic_write',
  ): Promise<MeetingEntity> {
    const scope = allianceWhere(actor);
    if (!isUuid(id) || !scope) throw DomainError.notFound('Meeting');
    const meeting = await this.repo.lock(em, id, mode, scope);
    if (!meeting) throw DomainError.notFound('Meeting');
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
      throw DomainError.field('input.endsAt', 'must be after startsAt', FieldRule.END_BEFORE_START);
    return this.dataSource.transaction(async (em) => {
      await this.requireFacilitator(em, input.allianceId, input.facilitatorId, 'input.facilitatorId');
      const invited = await this.requireInvitable(
        em,
        input.allianceId,
        input.invitedPartnerIds,
        'input.invitedPartnerIds',
      );
      const meeting = await this.repo.insert(em, {
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
      });
      await this.repo.insertInvited(em, meeting.id, invited);
      await this.notice(em, 'MEETING_INVITATION', meeting, actor);
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
      assertState(meeting, 'updateMeeting');
      const fields = presentFields(input);
      if (input.title !== undefined) meeting.title = input.title.trim();
      if (input.startsAt !== undefined) meeting.startsAt = input.startsAt;
      if (input.endsAt !== undefined) meeting.endsAt = input.endsAt;
      if (input.location !== undefined) meeting.location = input.location?.trim() || null;
      if (meeting.endsAt.getTime() <= meeting.startsAt.getTime()) {
        throw DomainError.field(
          input.endsAt !== undefined ? 'input.endsAt' : 'input.startsAt',
          'endsAt must be after startsAt',
          FieldRule.END_BEFORE_START,
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
        const recorded = await this.attendance.recordedPartnerIds(em, meeting.id);
        if (recorded.some((partnerId) => !invited.includes(partnerId))) {
          throw DomainError.field(
            'input.invitedPartnerIds',
            'partners whose attendance is recorded must stay invited',
          );
        }
        await this.repo.replaceInvited(em, meeting.id, invited);
      }
      if (fields.length) meeting.calendarSequence += 1;
      const saved = await this.repo.save(em, meeting);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: 'updateMeeting',
        entityType: 'Meeting',
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: fields,
      });
      if (fields.length) {
        this.announce(em, MeetingChange.UPDATED, meeting);
        await this.notice(em, 'MEETING_CHANGED', meeting, actor);
      }
      return saved;
    });
  }

  cancel(actor: Actor, id: string, reason?: string | null): Promise<MeetingEntity> {
    if (reason && reason.length > 2000) throw DomainError.field('reason', 'must be at most 2000 characters');
    return this.change(actor, id, 'cancelMeeting', (m) => {
      m.status = nextStatus(m.status, 'cancelMeeting');
      m.cancelledAt = new Date();
      m.cancellationReason = reason?.trim() || null;
      m.calendarSequence += 1;
      return reason ? ['status', 'cancellationReason'] : ['status'];
    });
  }

  // ── lifecycle ──────────────────────────────────────────────

  start(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.change(actor, id, 'startMeeting', (m) => {
      m.status = nextStatus(m.status, 'startMeeting');
      m.startedAt = new Date();
      return ['status'];
    });
  }

  adjourn(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.change(actor, id, 'adjournMeeting', (m) => {
      m.status = nextStatus(m.status, 'adjournMeeting');
      m.adjournedAt = new Date();
      return ['status'];
    });
  }

  /**
   * One audited change of the meeting row under its lock, allowed in the states the state table
   * gives for `operation`; `apply` changes the row and names the changed fields.
   */
  change(
    actor: Actor,
    id: string,
    operation: MeetingOperation,
    apply: (m: MeetingEntity) => string[],
    entityType = 'Meeting',
  ): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.lockForRunning(em, actor, id);
      assertState(meeting, operation);
      const fields = apply(meeting);
      const saved = await this.repo.save(em, meeting);
      await this.audit.append(em, {
        actorId: actor.userId,
        action: operation,
        entityType,
        entityId: id,
        allianceId: meeting.allianceId,
        changedFields: fields,
      });
      this.announce(
        em,
        operation === 'saveMinutes' ? MeetingChange.MINUTES_CHANGED : MeetingChange.STATUS_CHANGED,
        meeting,
      );
      const kind = NOTICE_OF[operation];
      if (kind) await this.notice(em, kind, meeting, actor);
      return saved;
    });
  }

  // ── validation helpers ─────────────────────────────────────

  private async requireFacilitator(
    em: EntityManager,
    allianceId: string,
    userId: string,
    path: string,
  ): Promise<void> {
    const roles = await this.users.rolesIn(em, allianceId, userId);
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

  // ── loaders ────────────────────────────────────────────────

  meetingLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MeetingEntity | null>('meeting.byId', async (ids) =>
      byKey(ids, await this.repo.findByIds(ids), (m) => m.id),
    );
  }

  invitedPartnerIdsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, string[]>('meeting.invitedPartnerIds', async (ids) =>
      groupBy(ids, await this.repo.invitedOf(ids), (r) => r.meetingId).map((list) =>
        list.map((r) => r.partnerId),
      ),
    );
  }

  /** present > quorumShare × invited, counted in one statement for all meetings asked. */
  quorateLoader(loaders: LoaderRegistry) {
    return loaders.get<string, boolean>('meeting.quorate', async (ids) => {
      const counts = new Map((await this.repo.quorumCounts(ids)).map((c) => [c.meetingId, c]));
      return ids.map((id) => {
        const c = counts.get(id);
        return c ? isQuorate(c.present, c.invited, c.share) : false;
      });
    });
  }
}
