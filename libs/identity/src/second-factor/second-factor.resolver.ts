import { Args, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DomainError } from '../../../core/src/index.js';
import { UsersService } from '../users/users.service.js';
import { DuringEnrolment } from './during-enrolment.js';
import { SecondFactorService } from './second-factor.service.js';

@ObjectType('SecondFactorEnrolment', {
  description: 'A TOTP secret to scan; active after confirmSecondFactor.',
})
export class SecondFactorEnrolmentModel {
  @Field({ description: 'For typing into the app by hand (base32).' })
  secret: string;
  @Field()
  otpauthUri: string;
  @Field({ description: 'The otpauth URI as a QR code (PNG data URL).' })
  qrCodeDataUrl: string;
}

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => SecondFactorEnrolmentModel, { description: 'Starts setting up TOTP (RFC 6238).' })
  @Allow.signedIn('any signed-in user: their own second factor')
  @DuringEnrolment()
  async beginSecondFactorEnrolment(@CurrentActor() actor: Actor) {
    const user = await this.users.findById(actor.userId);
    if (!user) throw DomainError.unauthenticated();
    return this.secondFactor.begin(actor, user.email);
  }

  @Mutation(() => [String], {
    description: 'Activates TOTP with a first code; answers ten single-use recovery codes, shown only now.',
  })
  @Allow.signedIn('any signed-in user: their own second factor')
  @DuringEnrolment()
  confirmSecondFactor(@CurrentActor() actor: Actor, @Args('code') code: string) {
    return this.secondFactor.confirm(actor, code);
  }

  @Mutation(() => Boolean, {
    description:
      "Turns the caller's second factor off, proven with a current code or an unused recovery code; their other sessions end, and where a role requires a second factor this session may only set it up again.",
  })
  @Allow.signedIn('any signed-in user: their own second factor')
  resetOwnSecondFactor(@CurrentActor() actor: Actor, @Args('code') code: string) {
    return this.secondFactor.resetOwn(actor, code);
  }
}
