import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { NotBlank, UnlessAbsent } from '../../../core/src/index.js';
import { LegalDomain, OrganisationKind } from '../alliances/alliance.enums.js';

@InputType()
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true })
  @UnlessAbsent()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  name?: string;
  @Field(() => String, { nullable: true, description: 'null clears.' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  shortName?: string | null;
  @Field(() => OrganisationKind, { nullable: true })
  @UnlessAbsent()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
  @Field(() => [LegalDomain], { nullable: true })
  @UnlessAbsent()
  @IsArray()
  @IsEnum(LegalDomain, { each: true })
  @ArrayMaxSize(7)
  legalDomains?: LegalDomain[];
}
