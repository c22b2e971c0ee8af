import { DomainError, ErrorCode } from '../../../core/src/index.js';
import { MeetingStatus } from './meeting.enums.js';

const { SCHEDULED, IN_PROGRESS, ADJOURNED, MINUTES_APPROVED, CANCELLED } = MeetingStatus;

/** States in which the record (agenda, attendance, decisions) may still change. */
export const OPEN_RECORD: readonly MeetingStatus[] = [SCHEDULED, IN_PROGRESS, ADJOURNED];

/**
 * Items join or leave the agenda until the meeting is closed (adjourned): what the minutes record
 * was on the agenda while the meeting sat. Wording can still be corrected until approval.
 */
export const AGENDA_OPEN: readonly MeetingStatus[] = [SCHEDULED, IN_PROGRESS];

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
  addAgendaItem: { from: AGENDA_OPEN },
  updateAgendaItem: { from: OPEN_RECORD },
  removeAgendaItem: { from: AGENDA_OPEN },
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

/**
 * The stable rule a refusal names in `extensions.reason`, where the state alone does not say what
 * to do: the agenda closes with the meeting, before its record does.
 */
const REASON: Partial<Record<MeetingOperation, string>> = {
  addAgendaItem: 'AGENDA_CLOSED',
  removeAgendaItem: 'AGENDA_CLOSED',
};

/** CONFLICT unless the operation is allowed in the meeting's state. */
export function assertState(meeting: { status: MeetingStatus }, operation: MeetingOperation): void {
  if (isAllowed(meeting.status, operation)) return;
  const message = `${operation} is not possible: the meeting ${STATE_TEXT[meeting.status]}`;
  const reason =
    REASON[operation] && isAllowed(meeting.status, 'updateAgendaItem') ? REASON[operation] : undefined;
  throw new DomainError(ErrorCode.CONFLICT, message, undefined, reason ? { reason } : undefined);
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
