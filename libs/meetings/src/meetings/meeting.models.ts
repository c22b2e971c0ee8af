import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import {
  AttendanceStatus,
  DecisionOutcome,
  MeetingChange,
  MeetingKind,
  MeetingStatus,
  MinutesStatus,
} from './meeting.enums.js';

/**
 * alliance, facilitator, invitedPartners, agenda, attendance, quorate, decisions and minutes are
 * field resolvers (MeetingResolver); the plain properties carry the keys they load by.
 */
@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  @Field()
  title: string;
  @Field(() => MeetingKind)
  kind: MeetingKind;
  @Field(() => MeetingStatus)
  status: MeetingStatus;
  @Field()
  startsAt: Date;
  @Field()
  endsAt: Date;
  @Field(() => String, { nullable: true })
  location: string | null;
  facilitatorId: string;
  @Field(() => String, { nullable: true, description: 'Why the meeting was cancelled, if it was.' })
  cancellationReason: string | null;
  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the facilitator opened the meeting.' })
  startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the facilitator closed the meeting.' })
  adjournedAt: Date | null;
  minutesText: string | null;
  minutesSavedAt: Date | null;
  minutesApprovedAt: Date | null;
  minutesApprovedById: string | null;
  minutesSavedById: string | null;
  minutesApprovalDecisionId: string | null;
}

@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field(() => ID)
  id: string;
  meetingId: string;
  @Field(() => Int)
  position: number;
  @Field()
  title: string;
  @Field(() => String, { nullable: true })
  description: string | null;
  presenterPartnerId: string | null;
  @Field(() => Int, { nullable: true })
  durationMinutes: number | null;
  approvesMinutesOfId: string | null;
}

@ObjectType('Attendance')
export class AttendanceModel {
  meetingId: string;
  partnerId: string;
  attendeeIds: string[];
  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
  @Field({ description: 'When the attendance was last recorded.' })
  recordedAt: Date;
}

@ObjectType('Decision')
export class DecisionModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  meetingId: string;
  agendaItemId: string | null;
  amendsId: string | null;
  recordedById: string;
  @Field({ description: "Numbered per alliance and year in the order recorded: '2026/014'." })
  number: string;
  @Field()
  title: string;
  @Field()
  text: string;
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;
  @Field(() => Int, { nullable: true })
  votesFor: number | null;
  @Field(() => Int, { nullable: true })
  votesAgainst: number | null;
  @Field(() => Int, { nullable: true })
  abstentions: number | null;
  @Field({ description: 'True when adopted by consensus without a vote.' })
  consensus: boolean;
  @Field()
  recordedAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When the decision was last corrected before the minutes were approved.',
  })
  correctedAt: Date | null;
}

@ObjectType()
export class DecisionConnection extends Connection(DecisionModel, 'Decision') {
  @Field(() => Int, {
    description:
      'The number of matching decisions, counted only when selected and at most 10000: a longer list answers 10000 (page on with pageInfo.hasNextPage).',
  })
  declare totalCount: number;
}

/**
 * A meeting's minutes: Markdown, a draft until approved. `savedBy`, `approvedBy` and
 * `approvalDecision` are field resolvers.
 */
@ObjectType('Minutes')
export class MinutesModel {
  meetingId: string;
  @Field()
  text: string;
  @Field(() => MinutesStatus)
  status: MinutesStatus;
  @Field(() => Date, { nullable: true, description: 'When the draft was last saved.' })
  savedAt: Date | null;
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;
  approvedById: string | null;
  savedById: string | null;
  approvalDecisionId: string | null;
}

@ObjectType('CalendarFeed', {
  description: "The caller's secret calendar subscription (iCalendar) with the meetings of their alliances.",
})
export class CalendarFeedModel {
  @Field({ description: 'Secret: whoever has it can read the meeting calendar. Rotate it when it leaks.' })
  url: string;
  @Field()
  createdAt: Date;
}

@ObjectType('MeetingEvent', {
  description: 'A change of a meeting, with the meeting as it is after the change.',
})
export class MeetingEventModel {
  @Field(() => MeetingChange)
  change: MeetingChange;
  @Field(() => MeetingModel)
  meeting: MeetingModel;
}
