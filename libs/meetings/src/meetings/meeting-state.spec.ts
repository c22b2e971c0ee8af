import type { DomainError } from '../../../core/src/index.js';
import { MeetingStatus } from './meeting.enums.js';
import {
  assertState,
  DECIDING,
  isAllowed,
  isQuorate,
  MEETING_OPERATIONS,
  type MeetingOperation,
  nextStatus,
  OPEN_RECORD,
} from './meeting-state.js';

const { SCHEDULED, IN_PROGRESS, ADJOURNED, MINUTES_APPROVED, CANCELLED } = MeetingStatus;
const ALL = Object.values(MeetingStatus);

describe('the meeting state machine (unit)', () => {
  it('moves SCHEDULED → IN_PROGRESS → ADJOURNED → MINUTES_APPROVED, or SCHEDULED → CANCELLED', () => {
    expect(nextStatus(SCHEDULED, 'startMeeting')).toBe(IN_PROGRESS);
    expect(nextStatus(IN_PROGRESS, 'adjournMeeting')).toBe(ADJOURNED);
    expect(nextStatus(ADJOURNED, 'approveMinutes')).toBe(MINUTES_APPROVED);
    expect(nextStatus(SCHEDULED, 'cancelMeeting')).toBe(CANCELLED);
  });

  it('allows each transition from exactly one state and refuses it from every other with CONFLICT', () => {
    const transitions = ['startMeeting', 'adjournMeeting', 'approveMinutes', 'cancelMeeting'] as const;
    for (const t of transitions) {
      const from = ALL.filter((s) => isAllowed(s, t));
      expect(from).toHaveLength(1);
      for (const s of ALL.filter((x) => x !== from[0])) {
        expect(() => nextStatus(s, t)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
      }
    }
  });

  it('has no way out of MINUTES_APPROVED or CANCELLED: the record is final', () => {
    for (const op of Object.keys(MEETING_OPERATIONS) as MeetingOperation[]) {
      expect(isAllowed(MINUTES_APPROVED, op)).toBe(false);
      expect(isAllowed(CANCELLED, op)).toBe(false);
    }
  });

  it('keeps attendance and the wording of the agenda open until approval, its items until the meeting closes, decisions only once it started', () => {
    expect(OPEN_RECORD).toEqual([SCHEDULED, IN_PROGRESS, ADJOURNED]);
    expect(DECIDING).toEqual([IN_PROGRESS, ADJOURNED]);
    expect(isAllowed(SCHEDULED, 'addAgendaItem')).toBe(true);
    expect(isAllowed(IN_PROGRESS, 'addAgendaItem')).toBe(true);
    // Closed meeting, closed agenda: only the wording of its items can still be corrected.
    expect(isAllowed(ADJOURNED, 'addAgendaItem')).toBe(false);
    expect(isAllowed(ADJOURNED, 'removeAgendaItem')).toBe(false);
    expect(isAllowed(ADJOURNED, 'updateAgendaItem')).toBe(true);
    expect(isAllowed(SCHEDULED, 'recordDecision')).toBe(false);
    expect(isAllowed(ADJOURNED, 'correctDecision')).toBe(true);
    expect(isAllowed(IN_PROGRESS, 'saveMinutes')).toBe(false);
    expect(isAllowed(ADJOURNED, 'saveMinutes')).toBe(true);
  });

  it('says which operation failed and why, in the words the API answers', () => {
    expect(() => assertState({ status: MINUTES_APPROVED }, 'updateMeeting')).toThrow(
      'updateMeeting is not possible: the meeting has approved minutes; its record is final',
    );
    expect(() => assertState({ status: SCHEDULED }, 'adjournMeeting')).toThrow(
      'adjournMeeting is not possible: the meeting has not started yet',
    );
    // A closed meeting's agenda names its rule, so the interface can say what to do instead.
    const closed = (() => {
      try {
        assertState({ status: ADJOURNED }, 'addAgendaItem');
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(closed?.details).toEqual({ reason: 'AGENDA_CLOSED' });
    expect(closed?.message).toBe('addAgendaItem is not possible: the meeting is adjourned');
  });
});

describe('quorum arithmetic (unit)', () => {
  it('needs more than half of the invited partners by default', () => {
    expect(isQuorate(3, 6, 0.5)).toBe(false); // exactly half is not enough
    expect(isQuorate(4, 6, 0.5)).toBe(true);
    expect(isQuorate(3, 5, 0.5)).toBe(true);
    expect(isQuorate(2, 5, 0.5)).toBe(false);
  });

  it('follows the share an alliance sets', () => {
    expect(isQuorate(6, 9, 2 / 3)).toBe(false); // two thirds exactly: not more than
    expect(isQuorate(7, 9, 2 / 3)).toBe(true);
    expect(isQuorate(1, 10, 0)).toBe(true); // any partner present
    expect(isQuorate(0, 10, 0)).toBe(false);
  });

  it('is never quorate without invited partners', () => {
    expect(isQuorate(0, 0, 0.5)).toBe(false);
  });
});
