import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { NotBlank, Role } from '../../../core/src/index.js';

@InputType()
export class InviteUserInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;
  @Field()
  @IsString()
  @Length(1, 200)
  @NotBlank()
  displayName: string;
  @Field(() => ID, { description: 'A partner organisation of the alliance (not a former one).' })
  @IsUUID()
  organisationId: string;
  @Field(() => ID)
  @IsUUID()
  allianceId: string;
  @Field(() => [Role])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true })
  roles: Role[];
  @Field(() => String, { nullable: true, description: 'Language of the mails: de (default) or en.' })
  @IsOptional()
  @IsIn(['de', 'en'])
  language?: 'de' | 'en' | null;
}
