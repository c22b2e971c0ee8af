import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  Validate,
} from 'class-validator';
import { DateScalar, IsCalendarDay, UnlessAbsent } from '../../../core/src/index.js';
import { TaskPriority, TaskStatus } from '../coordination.enums.js';

@InputType()
export class CreateTaskInput {
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;
  @Field()
  @IsString()
  @Length(1, 300)
  title: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;
  @Field(() => TaskPriority, { nullable: true })
  @IsOptional()
  @IsEnum(TaskPriority)
  priority?: TaskPriority | null;
  @Field(() => ID)
  @IsUUID()
  leadPartnerId: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  contributingPartnerIds?: string[] | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  dueOn?: string | null;
}

@InputType()
export class UpdateTaskInput {
  @Field(() => Int, { description: 'The version the caller last saw; a stale one answers CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 300)
  title?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;
  @Field(() => TaskStatus, { nullable: true })
  @UnlessAbsent()
  @IsEnum(TaskStatus)
  status?: TaskStatus;
  @Field(() => TaskPriority, { nullable: true })
  @UnlessAbsent()
  @IsEnum(TaskPriority)
  priority?: TaskPriority;
  @Field(() => ID, { nullable: true })
  @UnlessAbsent()
  @IsUUID()
  leadPartnerId?: string;
  @Field(() => [ID], { nullable: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  contributingPartnerIds?: string[];
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  dueOn?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;
}

@InputType()
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(TaskStatus, { each: true })
  status?: TaskStatus[] | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leadPartnerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Lead or contributing partner.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Matches title and description.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
