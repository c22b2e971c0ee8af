import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsOptional, IsUUID, MaxLength, Validate } from 'class-validator';
import { DateScalar, IsCalendarDay, UnlessAbsent } from '../../../core/src/index.js';

@ObjectType('AlliancePublicRecord', {
  description:
    "The alliance's opt-in to publishing its public meetings and decisions (OParl 1.1 at /oparl/v1.1/).",
})
export class AlliancePublicRecordModel {
  @Field({ description: 'Off by default. Only meetings marked public are published, never persons.' })
  published: boolean;
  @Field(() => Date, { nullable: true, description: 'When `published` last changed.' })
  changedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'A role address the public may write to.' })
  contactEmail: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The funding period (OParl LegislativeTerm).' })
  fundingPeriodStart: string | null;
  @Field(() => DateScalar, { nullable: true })
  fundingPeriodEnd: string | null;
  @Field(() => String, { nullable: true, description: 'The OParl Body URL while published.' })
  oparlUrl: string | null;
}

@InputType()
export class SetAlliancePublicRecordInput {
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field(() => Boolean, { nullable: true })
  @UnlessAbsent()
  @IsBoolean()
  published?: boolean;
  @Field(() => String, { nullable: true, description: 'A role address (no personal address); null clears.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  fundingPeriodStart?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  fundingPeriodEnd?: string | null;
}
