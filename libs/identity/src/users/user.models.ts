import { Field, ID, ObjectType } from '@nestjs/graphql';
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
  @Field(() => UserModel)
  user: UserModel;
}
