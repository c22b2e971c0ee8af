import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Validate,
} from 'class-validator';
import { DateScalar, IsCalendarDay, UnlessAbsent } from '../../../core/src/index.js';
import { GoalStatus } from '../coordination.enums.js';

@InputType()
export class CreateGoalInput {
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
  @Field()
  @IsString()
  @Length(1, 300)
  title: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;
  @Field(() => GoalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(GoalStatus)
  status?: GoalStatus | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  startsOn?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  dueOn?: string | null;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ownerPartnerIds?: string[] | null;
}

@InputType()
export class UpdateGoalInput {
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 300)
  title?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;
  @Field(() => GoalStatus, { nullable: true })
  @UnlessAbsent()
  @IsEnum(GoalStatus)
  status?: GoalStatus;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  startsOn?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  dueOn?: string | null;
  @Field(() => [ID], { nullable: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ownerPartnerIds?: string[];
  @Field(() => ID, {
    nullable: true,
    description: 'Moves the goal in the tree; null makes it a top-level goal.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType()
export class AddIndicatorInput {
  @Field(() => ID)
  @IsUUID()
  goalId: string;
  @Field()
  @IsString()
  @Length(1, 300)
  name: string;
  @Field()
  @IsString()
  @Length(1, 50)
  unit: string;
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline: number;
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target: number;
}

@InputType()
export class RecordMeasurementInput {
  @Field(() => ID)
  @IsUUID()
  indicatorId: string;
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;
  @Field(() => DateScalar)
  @Validate(IsCalendarDay)
  observedOn: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
