import { Field, Float, ID, Int, ObjectType, PickType } from '@nestjs/graphql';
import { DateScalar } from '../../../core/src/index.js';
import { GoalModel, IndicatorModel, TaskStatus } from '../../../coordination/src/index.js';
import { DecisionOutcome, MeetingModel } from '../../../meetings/src/index.js';
import { CaseworkStatisticsModel } from './casework-report.models.js';

@ObjectType('ReportMeasurement')
export class ReportMeasurementModel {
  @Field(() => DateScalar)
  observedOn: string;
  @Field(() => Float)
  value: number;
}

@ObjectType('ReportIndicator')
export class ReportIndicatorModel extends PickType(IndicatorModel, [
  'name',
  'unit',
  'baseline',
  'target',
] as const) {
  @Field(() => ID)
  indicatorId: string;
  @Field(() => [ReportMeasurementModel], { description: 'Every measurement observed in the period.' })
  measurements: ReportMeasurementModel[];
  @Field(() => Float, { nullable: true, description: "The latest value observed by the period's end." })
  latestValue: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of the way from baseline to target the latest value has gone (1 = target reached).',
  })
  progress: number | null;
}

@ObjectType('ReportGoal')
export class ReportGoalModel extends PickType(GoalModel, ['title', 'status'] as const) {
  @Field(() => ID)
  goalId: string;
  @Field(() => ID, { nullable: true })
  parentId: string | null;
  @Field(() => [ReportIndicatorModel])
  indicators: ReportIndicatorModel[];
}

@ObjectType('ReportTaskCounts', {
  description:
    'Created, done and cancelled in the period; overdue: due in the period (before today) and not done by the due day.',
})
export class ReportTaskCountsModel {
  @Field(() => Int)
  created: number;
  @Field(() => Int)
  done: number;
  @Field(() => Int)
  overdue: number;
  @Field(() => Int)
  cancelled: number;
}

/** The partner a row of the report is about, named by its organisation. */
@ObjectType({ isAbstract: true })
abstract class ReportPartnerRow {
  @Field(() => ID)
  partnerId: string;
  @Field()
  organisationName: string;
  @Field(() => String, { nullable: true })
  shortName: string | null;
}

@ObjectType('ReportPartnerTasks')
export class ReportPartnerTasksModel extends ReportPartnerRow {
  @Field(() => ReportTaskCountsModel)
  asLead: ReportTaskCountsModel;
  @Field(() => ReportTaskCountsModel)
  asContributor: ReportTaskCountsModel;
}

@ObjectType('ReportGoalTasks')
export class ReportGoalTasksModel {
  @Field(() => ID, { nullable: true, description: 'null: tasks without a goal.' })
  goalId: string | null;
  @Field(() => String, { nullable: true })
  goalTitle: string | null;
  @Field(() => ReportTaskCountsModel)
  counts: ReportTaskCountsModel;
}

@ObjectType('ReportMeeting')
export class ReportMeetingModel extends PickType(MeetingModel, [
  'title',
  'kind',
  'status',
  'startsAt',
] as const) {
  @Field(() => ID)
  meetingId: string;
  @Field(() => Int)
  invitedPartners: number;
  @Field(() => Int)
  presentPartners: number;
  @Field()
  quorumReached: boolean;
}

@ObjectType('ReportPartnerAttendance')
export class ReportPartnerAttendanceModel extends ReportPartnerRow {
  @Field(() => Int, { description: 'Meetings held in the period to which the partner was invited.' })
  invited: number;
  @Field(() => Int)
  present: number;
  @Field(() => Float, { description: 'present / invited.' })
  rate: number;
}

@ObjectType('ReportFollowUpTask')
export class ReportFollowUpTaskModel {
  @Field()
  title: string;
  @Field(() => TaskStatus)
  status: TaskStatus;
  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;
}

@ObjectType('ReportDecision')
export class ReportDecisionModel {
  @Field(() => ID)
  decisionId: string;
  @Field(() => ID)
  meetingId: string;
  @Field()
  number: string;
  @Field()
  title: string;
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;
  @Field(() => [ReportFollowUpTaskModel])
  followUpTasks: ReportFollowUpTaskModel[];
}

@ObjectType('AllianceReport', {
  description: "An alliance's report for a period: coordination, meetings, and casework as aggregates only.",
})
export class AllianceReportModel {
  @Field(() => ID)
  allianceId: string;
  @Field()
  allianceName: string;
  @Field(() => DateScalar)
  from: string;
  @Field(() => DateScalar)
  to: string;
  @Field(() => [ReportGoalModel])
  goals: ReportGoalModel[];
  @Field(() => [ReportPartnerTasksModel])
  tasksByPartner: ReportPartnerTasksModel[];
  @Field(() => [ReportGoalTasksModel])
  tasksByGoal: ReportGoalTasksModel[];
  @Field(() => ReportTaskCountsModel)
  taskTotals: ReportTaskCountsModel;
  @Field(() => [ReportMeetingModel], { description: 'Meetings held (started) in the period.' })
  meetings: ReportMeetingModel[];
  @Field(() => [ReportPartnerAttendanceModel])
  attendance: ReportPartnerAttendanceModel[];
  @Field(() => [ReportDecisionModel], { description: 'Decisions taken in the meetings held in the period.' })
  decisions: ReportDecisionModel[];
  @Field(() => CaseworkStatisticsModel, {
    nullable: true,
    description:
      'Casework aggregates across all partners, with disclosure control: COORDINATOR, ALLIANCE_ADMIN, CASE_WORKER; null for others.',
  })
  casework: CaseworkStatisticsModel | null;
  @Field(() => CaseworkStatisticsModel, {
    nullable: true,
    description:
      "The caller's own organisation's figures, unsuppressed, for internal use: CASE_WORKERs only.",
  })
  ownOrganisationCasework: CaseworkStatisticsModel | null;
}
