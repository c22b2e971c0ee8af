import { registerEnumType } from '@nestjs/graphql';

export enum MeetingKind {
  PLENARY = 'PLENARY',
  STEERING_GROUP = 'STEERING_GROUP',
  WORKING_GROUP = 'WORKING_GROUP',
}
registerEnumType(MeetingKind, { name: 'MeetingKind' });

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  ADJOURNED = 'ADJOURNED',
  MINUTES_APPROVED = 'MINUTES_APPROVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  valuesMap: {
    ADJOURNED: { description: 'Held; minutes are a draft and decisions may still be corrected.' },
    MINUTES_APPROVED: { description: 'Minutes approved: the record is final and can no longer change.' },
  },
});

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });

export enum DecisionOutcome {
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

export enum MinutesStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
}
registerEnumType(MinutesStatus, { name: 'MinutesStatus' });

/** What changed in a meeting (the `meetingEvents` subscription). */
export enum MeetingChange {
  UPDATED = 'UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  AGENDA_CHANGED = 'AGENDA_CHANGED',
  ATTENDANCE_CHANGED = 'ATTENDANCE_CHANGED',
  DECISIONS_CHANGED = 'DECISIONS_CHANGED',
  MINUTES_CHANGED = 'MINUTES_CHANGED',
}
registerEnumType(MeetingChange, {
  name: 'MeetingChange',
  valuesMap: {
    UPDATED: { description: 'Title, time, place, facilitator, invited partners or publication.' },
    STATUS_CHANGED: { description: 'Started, adjourned, cancelled, or its minutes approved.' },
    ATTENDANCE_CHANGED: { description: 'Attendance recorded; the quorum may have changed with it.' },
    DECISIONS_CHANGED: { description: 'A decision recorded or corrected, or follow-up tasks added.' },
  },
});
