import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { UserModel } from '../users/user.models.js';
import { AccountService } from './account.service.js';
import { languageOf } from './password-policy.js';

type Req = { ip?: string; headers?: Record<string, unknown> };

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(256)
  currentPassword: string;
  @Field({
    description:
      'At least 12 characters and not easy to guess (checked against German and English dictionaries).',
  })
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

@ArgsType()
export class RequestPasswordResetArgs {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field()
  @IsString()
  @MaxLength(100)
  token: string;
  @Field()
  @IsString()
  @MaxLength(256)
  newPassword: string;
}

@ArgsType()
export class UpdateMyContactArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Business phone number, e.g. "+49 2151 86-0"; null or blank removes it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^\s*$|^\s*\+?[0-9][0-9 ()/-]{2,29}\s*$/, {
    message: '$property must be a phone number of digits, spaces and + ( ) / -',
  })
  phone?: string | null;
}

@Resolver()
export class AccountResolver {
  constructor(private readonly accounts: AccountService) {}

  @Mutation(() => Boolean, { description: "Changes the caller's password and ends their other sessions." })
  @Allow.signedIn('any signed-in user: their own password; wrong current passwords are rate-limited')
  changePassword(@CurrentActor() actor: Actor, @Args() args: ChangePasswordArgs, @Context('req') req: Req) {
    return this.accounts.changePassword(
      actor,
      args.currentPassword,
      args.newPassword,
      languageOf(req.headers?.['accept-language']),
    );
  }

  @Mutation(() => UserModel, {
    description: "Sets the caller's business contact shown to colleagues (today: the phone number).",
  })
  @Allow.signedIn('any signed-in user: their own profile')
  updateMyContact(@CurrentActor() actor: Actor, @Args() args: UpdateMyContactArgs) {
    return this.accounts.updateContact(actor, args.phone ?? null);
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a single-use link (valid 1 hour) to an active account of this address; the answer is the same for unknown addresses.',
  })
  @Allow.public('anyone; rate-limited per address asked for and per caller')
  requestPasswordReset(@Args() args: RequestPasswordResetArgs, @Context('req') req: Req) {
    return this.accounts.requestPasswordReset(args.email, req.ip ?? 'unknown');
  }

  @Mutation(() => Boolean, {
    description: "Sets a new password through a reset link; ends all the user's sessions.",
  })
  @Allow.public('holder of an unused, unexpired reset link')
  resetPassword(@Args() args: ResetPasswordArgs, @Context('req') req: Req) {
    return this.accounts.resetPassword(
      args.token,
      args.newPassword,
      languageOf(req.headers?.['accept-language']),
    );
  }
}
