import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, allianceWhere, AuditService, DomainError, ErrorCode } from '../../../core/src/index.js';
import type { DecisionEntity, MeetingEntity } from '../meetings/meeting.entities.js';
import { MeetingChange, MeetingStatus, MinutesStatus } from '../meetings/meeting.enums.js';
import type { MinutesModel } from '../meetings/meeting.models.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { nextStatus } from '../meetings/meeting-state.js';
import { MeetingsService } from '../meetings/meetings.service.js';

export const MAX_MINUTES_LENGTH = 200_000;

export function minutesOf(m: MeetingEntity): MinutesModel | null {
  if (m.minutesText === null) return null;
  return {
    meetingId: m.id,
    text: m.minutesText,
    status: m.status === MeetingStatus.MINUTES_APPROVED ? MinutesStatus.APPROVED : MinutesStatus.DRAFT,
    savedAt: m.minutesSavedAt,
    approvedAt: m.minutesApprovedAt,
    approvedById: m.minutesApprovedById,
    savedById: m.minutesSavedById,
    approvalDecisionId: m.minutesApprovalDecisionId,
  };
}

/**
 * The minutes: a Markdown draft while the meeting is adjourned, final once approved — by the
 * facilitator, or by an adopted decision under an agenda item of a later meeting.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly repo: MeetingRepository,
    private readonly audit: AuditService,
  ) {}

  async save(actor: Actor, meetingId: string, text: string): Promise<MinutesModel> {
    if (typeof text !== 'string' || text.length > MAX_MINUTES_LENGTH)
      throw DomainError.field('text', `must be at most ${MAX_MINUTES_LENGTH} characters`);
    const meeting = await this.meetings.change(
      actor,
      meetingId,
      'saveMinutes',
      (m) => {
        m.minutesText = text;
        m.minutesSavedAt = new Date();
        m.minutesSavedById = actor.userId;
        return ['minutes.text'];
      },
      'Minutes',
    );
    return minutesOf(meeting)!;
  }

  async approve(actor: Actor, meetingId: string): Promise<MinutesModel> {
    const meeting = await this.meetings.change(
      actor,
      meetingId,
      'approveMinutes',
      (m) => {
        MinutesService.markApproved(m, actor, null);
        return ['status', 'minutes.status'];
      },
      'Minutes',
    );
    return minutesOf(meeting)!;
  }

  /**
   * That `earlierId` names a meeting whose draft minutes an agenda item of `meeting` may put to the
   * vote: an earlier, adjourned meeting of the same alliance with saved minutes.
   */
  async requireApprovable(em: EntityManager, meeting: MeetingEntity, earlierId: string, path: string) {
    const earlier = await this.repo.find(em, earlierId);
    if (!earlier || earlier.allianceId !== meeting.allianceId)
      throw DomainError.field(path, 'must be a meeting of this alliance');
    if (earlier.id === meeting.id || earlier.startsAt.getTime() >= meeting.startsAt.getTime())
      throw DomainError.field(path, 'must be a meeting held before this one');
    if (earlier.status !== MeetingStatus.ADJOURNED || !earlier.minutesText?.trim())
      throw DomainError.field(path, 'must be an adjourned meeting whose draft minutes are saved');
  }

  /**
   * In the transaction that records `decision` under an agenda item approving `earlierId`'s
   * minutes: approves them as approveMinutes would, naming the decision (CONFLICT when they are
   * already approved or no longer a saved draft). Rights come from running the later meeting.
   */
  async approveByDecision(
    em: EntityManager,
    actor: Actor,
    earlierId: string,
    decision: Pick<DecisionEntity, 'id'>,
  ): Promise<void> {
    const scope = allianceWhere(actor);
    const earlier = scope ? await this.repo.lock(em, earlierId, 'pessimistic_write', scope) : null;
    if (!earlier) throw DomainError.notFound('Meeting');
    if (earlier.status === MeetingStatus.MINUTES_APPROVED)
      throw new DomainError(
        ErrorCode.CONFLICT,
        'recordDecision is not possible: the minutes of that meeting are already approved',
        undefined,
        { reason: 'MINUTES_ALREADY_APPROVED' },
      );
    MinutesService.markApproved(earlier, actor, decision.id);
    await this.repo.save(em, earlier);
    await this.audit.append(em, {
      actorId: actor.userId,
      action: 'approveMinutes',
      entityType: 'Minutes',
      entityId: earlier.id,
      allianceId: earlier.allianceId,
      changedFields: ['status', 'minutes.status', 'minutes.approvalDecision'],
    });
    this.meetings.announce(em, MeetingChange.STATUS_CHANGED, earlier);
    await this.meetings.notice(em, 'MINUTES_APPROVED', earlier, actor);
  }

  private static markApproved(m: MeetingEntity, actor: Actor, decisionId: string | null): void {
    if (m.minutesText === null || !m.minutesText.trim())
      throw DomainError.conflict('approveMinutes is not possible: no minutes have been saved');
    m.status = nextStatus(m.status, 'approveMinutes');
    m.minutesApprovedAt = new Date();
    m.minutesApprovedById = actor.userId;
    m.minutesApprovalDecisionId = decisionId;
  }
}
