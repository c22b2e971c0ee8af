import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
} from 'class-validator';
import { DateScalar, IsCalendarDay, UnlessAbsent } from '../../core/src/index.js';
import { CaseStatus, CefrLevel, ConsentForm, DataCategory, SupportArea } from './casework.enums.js';
import { ISO_639_1 } from './iso639-1.js';

const TEXT = 2000;

@InputType()
export class IdentityInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  givenName: string;
  @Field()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  familyName: string;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  dateOfBirth?: string | null;
}

@InputType()
export class ContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}

@InputType()
export class LanguageInput {
  @Field(() => CefrLevel, { nullable: true })
  @IsOptional()
  @IsEnum(CefrLevel)
  germanLevel?: CefrLevel | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  otherLanguages?: string[] | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string | null;
}

@InputType()
export class ResidenceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  status?: string | null;
  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Validate(IsCalendarDay)
  permitValidUntil?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string | null;
}

@InputType()
export class EducationEmploymentInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  qualifications?: string[] | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  recognitionStatus?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  jobWishes?: string[] | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string | null;
}

@InputType()
export class HousingInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  situation?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string | null;
}

@InputType()
export class FamilyInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  householdSize?: number | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  childrenCount?: number | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string | null;
}

@InputType()
export class HealthInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string | null;
}

/** The category inputs shared by opening and updating a case. */
@InputType({ isAbstract: true })
abstract class CategoryInputs {
  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput | null;
  @Field(() => LanguageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LanguageInput)
  language?: LanguageInput | null;
  @Field(() => ResidenceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResidenceInput)
  residence?: ResidenceInput | null;
  @Field(() => EducationEmploymentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EducationEmploymentInput)
  educationEmployment?: EducationEmploymentInput | null;
  @Field(() => HousingInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HousingInput)
  housing?: HousingInput | null;
  @Field(() => FamilyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FamilyInput)
  family?: FamilyInput | null;
  @Field(() => HealthInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HealthInput)
  health?: HealthInput | null;
}

@InputType()
export class OpenCaseInput extends CategoryInputs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  caseWorkerId?: string | null;
  @Field(() => [SupportArea])
  @IsArray()
  @ArrayMaxSize(8)
  @IsEnum(SupportArea, { each: true })
  supportAreas: SupportArea[];
  @Field(() => IdentityInput)
  @ValidateNested()
  @Type(() => IdentityInput)
  identity: IdentityInput;
}

@InputType({ description: 'Only the categories given are replaced; the owner alone may update.' })
export class UpdateCaseDataInput extends CategoryInputs {
  @Field(() => ID)
  @IsUUID()
  caseId: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  caseWorkerId?: string | null;
  @Field(() => [SupportArea], { nullable: true })
  @UnlessAbsent()
  @IsArray()
  @ArrayMaxSize(8)
  @IsEnum(SupportArea, { each: true })
  supportAreas?: SupportArea[];
  @Field(() => IdentityInput, { nullable: true })
  @UnlessAbsent()
  @ValidateNested()
  @Type(() => IdentityInput)
  identity?: IdentityInput;
  @Field(() => Int, {
    nullable: true,
    description:
      "The case's `version` the change was made on; when someone changed the case since, CONFLICT and nothing is written.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(CaseStatus, { each: true })
  status?: CaseStatus[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "True: only cases handed over to the caller's organisation; false: only own.",
  })
  @IsOptional()
  @IsBoolean()
  handedOver?: boolean | null;
  @Field(() => SupportArea, { nullable: true })
  @IsOptional()
  @IsEnum(SupportArea)
  supportArea?: SupportArea | null;
  @Field(() => String, {
    nullable: true,
    description: "Matches the reference; family names only in the caller's own organisation's cases.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  @IsUUID()
  caseId: string;
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  recipientIds: string[];
  @Field(() => [DataCategory])
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(DataCategory, { each: true })
  categories: DataCategory[];
  @Field()
  @IsString()
  @Length(1, 2000)
  purpose: string;
  @Field(() => ConsentForm)
  @IsEnum(ConsentForm)
  form: ConsentForm;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  evidenceReference?: string | null;
  @Field({ description: "ISO 639-1 code, e.g. 'de', 'ar', 'uk'." })
  @IsString()
  @IsIn([...ISO_639_1], { message: 'must be an ISO 639-1 language code, e.g. de, ar, uk' })
  informedInLanguage: string;
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  interpreterUsed?: boolean | null;
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validFrom?: Date | null;
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  validUntil?: Date | null;
}

@InputType()
export class RequestHandoverInput {
  @Field(() => ID)
  @IsUUID()
  caseId: string;
  @Field(() => ID)
  @IsUUID()
  toOrganisationId: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The consent the handover rests on; or, instead, a `legalBasis` (exactly one of the two).',
  })
  @IsOptional()
  @IsUUID()
  consentId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Instead of a consent: the code of a legal basis (Query.legalBases). The handover takes effect only once a second case worker of the owning organisation approved it (approveHandoverBasis).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  legalBasis?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'With a legal basis, required: why the transfer is necessary without consent.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  justification?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'With a legal basis, required: the ISO 639-1 language in which the client was told of the transfer (GDPR Art. 13/14).',
  })
  @IsOptional()
  @IsString()
  @IsIn([...ISO_639_1], { message: 'must be an ISO 639-1 language code, e.g. de, ar, uk' })
  informedInLanguage?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'With a legal basis: when the access ends at the latest.',
  })
  @IsOptional()
  @IsDate()
  validUntil?: Date | null;
  @Field(() => [DataCategory], {
    description:
      'Must be covered by the consent (otherwise CONSENT_REQUIRED); HEALTH under a legal basis only where it permits it.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(DataCategory, { each: true })
  categories: DataCategory[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string | null;
}
