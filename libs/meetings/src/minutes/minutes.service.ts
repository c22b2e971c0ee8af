import { Injectable } from '@nestjs/common';
import { type Actor, DomainError } from '../../../core/src/index.js';
import type { MeetingEntity } from '../meetings/meeting.entities.js';
import { MeetingStatus, MinutesStatus } from '../meetings/meeting.enums.js';
import type { MinutesModel } from '../meetings/meeting.models.js';
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
  };
}

/** The minutes: a Markdown draft while the meeting is adjourned, final once approved. */
@Injectable()
export class MinutesService {
  constructor(private readonly meetings: MeetingsService) {}

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
        if (m.minutesText === null || !m.minutesText.trim())
          throw DomainError.conflict('approveMinutes is not possible: no minutes have been saved');
        m.status = nextStatus(m.status, 'approveMinutes');
        m.minutesApprovedAt = new Date();
        m.minutesApprovedById = actor.userId;
        return ['status', 'minutes.status'];
      },
      'Minutes',
    );
    return minutesOf(meeting)!;
  }
}
