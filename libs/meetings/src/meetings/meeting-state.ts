import { DomainError } from '../../../core/src/index.js';
import { MeetingStatus } from './meeting.enums.js';

const { SCHEDULED, IN_PROGRESS, ADJOURNED, MINUTES_APPROVED, CANCELLED } = MeetingStatus;

/** States in which the record (agenda, attendance, decisions) may still change. */
export const OPEN_RECORD: readonly MeetingStatus[] = [SCHEDULED, IN_PROGRESS, ADJOURNED];

/** Decisions can be recorded and corrected while the meeting runs and until its minutes are approved. */
export const DECIDING: readonly MeetingStatus[] = [IN_PROGRESS, ADJOURNED];

/**
 * The meeting's state machine as data (DESIGN.md: SCHEDULED → IN_PROGRESS → ADJOURNED →
 * MINUTES_APPROVED, or CANCELLED before it starts): for every operation on a meeting, the states it
 * is allowed in and, for the four that move the meeting on, the state it leads to.
 */
export const MEETING_OPERATIONS = {
  startMeeting: { from: [SCHEDULED], to: IN_PROGRESS },
  adjournMeeting: { from: [IN_PROGRESS], to: ADJOURNED },
  approveMinutes: { from: [ADJOURNED], to: MINUTES_APPROVED },
  cancelMeeting: { from: [SCHEDULED], to: CANCELLED },
  saveMinutes: { from: [ADJOURNED] },
  updateMeeting: { from: OPEN_RECORD },
  addAgendaItem: { from: OPEN_RECORD },
  updateAgendaItem: { from: OPEN_RECORD },
  removeAgendaItem: { from: OPEN_RECORD },
  recordAttendance: { from: OPEN_RECORD },
  recordDecision: { from: DECIDING },
  correctDecision: { from: DECIDING },
  addFollowUpTasks: { from: DECIDING },
  amendDecision: { from: DECIDING },
} as const satisfies Record<string, { from: readonly MeetingStatus[]; to?: MeetingStatus }>;

export type MeetingOperation = keyof typeof MEETING_OPERATIONS;
/** The operations that change the meeting's status. */
export type MeetingTransition = {
  [K in MeetingOperation]: (typeof MEETING_OPERATIONS)[K] extends { to: MeetingStatus } ? K : never;
}[MeetingOperation];

const STATE_TEXT: Record<MeetingStatus, string> = {
  SCHEDULED: 'has not started yet',
  IN_PROGRESS: 'is in progress',
  ADJOURNED: 'is adjourned',
  MINUTES_APPROVED: 'has approved minutes; its record is final',
  CANCELLED: 'is cancelled',
};

export function isAllowed(status: MeetingStatus, operation: MeetingOperation): boolean {
  return (MEETING_OPERATIONS[operation].from as readonly MeetingStatus[]).includes(status);
}

/** CONFLICT unless the operation is allowed in the meeting's state. */
export function assertState(meeting: { status: MeetingStatus }, operation: MeetingOperation): void {
  if (!isAllowed(meeting.status, operation)) {
    throw DomainError.conflict(`${operation} is not possible: the meeting ${STATE_TEXT[meeting.status]}`);
  }
}

/** The state a transition leads to; CONFLICT when it is not allowed from `status`. */
export function nextStatus(status: MeetingStatus, transition: MeetingTransition): MeetingStatus {
  assertState({ status }, transition);
  return MEETING_OPERATIONS[transition].to;
}

/**
 * Quorum (DESIGN.md): more than `share` of the invited partners present (half unless the alliance
 * sets another share). A meeting without invited partners is not quorate.
 */
export function isQuorate(present: number, invited: number, share: number): boolean {
  return present > share * invited;
}
