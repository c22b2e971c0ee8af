import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
} from 'class-validator';
import { DateScalar, IsCalendarDay, NotBlank, Role, UnlessAbsent } from '../../../core/src/index.js';
import { LegalDomain, OrganisationKind, PartnerStatus } from './alliance.enums.js';

@InputType()
export class CreateAllianceInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  name: string;
  @Field()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  municipality: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

@InputType()
export class UpdateAllianceInput {
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  name?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Between 0 and 1; quorate means present partners > quorumShare × invited partners.',
  })
  @UnlessAbsent()
  @IsNumber()
  @Min(0)
  @Max(1)
  quorumShare?: number;
}

@InputType()
export class CreateOrganisationInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  name: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  shortName?: string | null;
  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;
  @Field(() => [LegalDomain], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(LegalDomain, { each: true })
  @ArrayMaxSize(7)
  legalDomains?: LegalDomain[] | null;
}

@InputType()
export class AddPartnerInput {
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field(() => ID)
  @IsUUID()
  organisationId: string;
  @Field(() => PartnerStatus)
  @IsEnum(PartnerStatus)
  status: PartnerStatus;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  joinedOn?: string | null;
}

@InputType()
export class UpdatePartnerInput {
  @Field(() => PartnerStatus, { nullable: true })
  @UnlessAbsent()
  @IsEnum(PartnerStatus)
  status?: PartnerStatus;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  joinedOn?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  leftOn?: string | null;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;
  @Field()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  displayName: string;
  @Field(() => ID)
  @IsUUID()
  organisationId: string;
  @Field({ description: 'At least 12 characters.' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;
}

@InputType()
export class SetMembershipInput {
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field(() => ID)
  @IsUUID()
  userId: string;
  @Field(() => [Role], { description: 'An empty list removes the membership.' })
  @IsArray()
  @IsEnum(Role, { each: true })
  roles: Role[];
}
