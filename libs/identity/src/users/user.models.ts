import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '../../../core/src/index.js';

/** `organisation` and `memberships` are resolved in the alliance context. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;
  @Field()
  email: string;
  @Field()
  displayName: string;
  organisationId: string;
  @Field({ description: 'Creates alliances and organisations; acts as ALLIANCE_ADMIN anywhere.' })
  platformAdmin: boolean;
  @Field({ description: 'Language of mails to this user: de or en.' })
  language: string;
  @Field(() => String, {
    nullable: true,
    description: 'Business phone number, shown with the e-mail where colleagues need to reach them.',
  })
  phone: string | null;
  @Field(() => Date, { nullable: true, description: 'Set while the user is deactivated.' })
  deactivatedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the second factor (TOTP) was set up.' })
  totpEnabledAt: Date | null;
}

/** `alliance` is resolved in the alliance context, `user` here. */
@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  userId: string;
  @Field(() => [Role])
  roles: Role[];
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;
  @Field()
  refreshToken: string;
  @Field()
  accessTokenExpiresAt: Date;
  @Field({ description: "The session's absolute end; signing in again is needed after it." })
  sessionExpiresAt: Date;
  @Field(() => Int, {
    description: 'The session ends after this many seconds without a request (SESSION_IDLE_MINUTES).',
  })
  idleTimeoutSeconds: number;
  @Field({
    description:
      'True: this session may only set up the second factor (beginSecondFactorEnrolment, confirmSecondFactor), then refresh.',
  })
  secondFactorEnrolmentRequired: boolean;
  @Field(() => UserModel)
  user: UserModel;
}

@ObjectType('Session', { description: 'A signed-in session of the caller (one per sign-in).' })
export class SessionModel {
  @Field(() => ID)
  id: string;
  @Field(() => String, { nullable: true, description: 'The browser or client, from its User-Agent.' })
  device: string | null;
  @Field()
  createdAt: Date;
  @Field()
  lastUsedAt: Date;
  @Field({ description: 'When it ends unless used again (idle timeout), at most its absolute end.' })
  expiresAt: Date;
  @Field({ description: 'The session of this request.' })
  current: boolean;
}
