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
