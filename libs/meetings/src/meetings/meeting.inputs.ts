import { Field, ID, InputType, Int, PickType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { UnlessAbsent } from '../../../core/src/index.js';
import { CreateTaskInput } from '../../../coordination/src/index.js';
import { AttendanceStatus, DecisionOutcome, MeetingKind } from './meeting.enums.js';

const MAX_VOTES = 100_000;

@InputType()
export class ScheduleMeetingInput {
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field()
  @IsString()
  @Length(1, 200)
  title: string;
  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;
  @Field()
  @IsDate()
  startsAt: Date;
  @Field()
  @IsDate()
  endsAt: Date;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string | null;
  @Field(() => ID)
  @IsUUID()
  facilitatorId: string;
  @Field(() => [ID])
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  invitedPartnerIds: string[];
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 200)
  title?: string;
  @Field(() => Date, { nullable: true })
  @UnlessAbsent()
  @IsDate()
  startsAt?: Date;
  @Field(() => Date, { nullable: true })
  @UnlessAbsent()
  @IsDate()
  endsAt?: Date;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string | null;
  @Field(() => ID, { nullable: true })
  @UnlessAbsent()
  @IsUUID()
  facilitatorId?: string;
  @Field(() => [ID], { nullable: true })
  @UnlessAbsent()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  invitedPartnerIds?: string[];
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;
  @Field()
  @IsString()
  @Length(1, 300)
  title: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  presenterPartnerId?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes?: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'An earlier, adjourned meeting of the alliance whose minutes this item approves: an ADOPTED decision recorded under it approves them (as approveMinutes would).',
  })
  @IsOptional()
  @IsUUID()
  approvesMinutesOfId?: string | null;
  @Field(() => Int, { nullable: true, description: '1-based; appended when left out.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number | null;
}

@InputType()
export class UpdateAgendaItemInput {
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 300)
  title?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  presenterPartnerId?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: '1-based; moves the item, shifting the others.' })
  @UnlessAbsent()
  @IsInt()
  @Min(1)
  position?: number;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;
  @Field(() => ID)
  @IsUUID()
  partnerId: string;
  @Field(() => AttendanceStatus)
  @IsEnum(AttendanceStatus)
  status: AttendanceStatus;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  attendeeIds?: string[] | null;
}

/** A follow-up task of a decision: createTask's fields, less the alliance (the decision's). */
@InputType()
export class FollowUpTaskInput extends PickType(
  CreateTaskInput,
  ['title', 'description', 'leadPartnerId', 'assigneeId', 'dueOn', 'goalId', 'priority'] as const,
  InputType,
) {}

@InputType()
export class AddFollowUpTasksInput {
  @Field(() => ID)
  @IsUUID()
  decisionId: string;
  @Field(() => [FollowUpTaskInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FollowUpTaskInput)
  tasks: FollowUpTaskInput[];
}

/** Consensus, outcome and votes, shared by the decision inputs. */
@InputType({ isAbstract: true })
abstract class DecisionFields {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VOTES)
  votesFor?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VOTES)
  votesAgainst?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VOTES)
  abstentions?: number | null;
}

@InputType()
export class RecordDecisionInput extends DecisionFields {
  @Field(() => ID)
  @IsUUID()
  meetingId: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string | null;
  @Field()
  @IsString()
  @Length(1, 300)
  title: string;
  @Field()
  @IsString()
  @Length(1, 20_000)
  text: string;
  @Field(() => DecisionOutcome)
  @IsEnum(DecisionOutcome)
  outcome: DecisionOutcome;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  consensus?: boolean | null;
  @Field(() => [FollowUpTaskInput], {
    nullable: true,
    description: 'Tasks created with the decision, in the same transaction.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FollowUpTaskInput)
  followUpTasks?: FollowUpTaskInput[] | null;
}

@InputType()
export class CorrectDecisionInput extends DecisionFields {
  @Field(() => ID, {
    nullable: true,
    description: 'Moves the decision to another agenda item of its meeting; null detaches it.',
  })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string | null;
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 300)
  title?: string;
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 20_000)
  text?: string;
  @Field(() => DecisionOutcome, { nullable: true })
  @UnlessAbsent()
  @IsEnum(DecisionOutcome)
  outcome?: DecisionOutcome;
  @Field(() => Boolean, { nullable: true })
  @UnlessAbsent()
  @IsBoolean()
  consensus?: boolean;
}

@InputType()
export class AmendDecisionInput extends DecisionFields {
  @Field(() => ID, { description: 'The decision being amended (from a meeting whose minutes are approved).' })
  @IsUUID()
  amendsId: string;
  @Field(() => ID, { description: 'The meeting in which the amendment is decided.' })
  @IsUUID()
  meetingId: string;
  @Field()
  @IsString()
  @Length(1, 300)
  title: string;
  @Field()
  @IsString()
  @Length(1, 20_000)
  text: string;
  @Field(() => DecisionOutcome)
  @IsEnum(DecisionOutcome)
  outcome: DecisionOutcome;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  consensus?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The agenda item of the later meeting under which the amendment is decided.',
  })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string | null;
}
