import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DomainError } from '../../../core/src/index.js';
import { AuthPayload, UserModel } from '../users/user.models.js';
import { UsersService } from '../users/users.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { AuthService } from './auth.service.js';
import { GqlLocalGuard } from './gql-local.guard.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayload)
  @Allow.public('anyone; wrong credentials answer UNAUTHENTICATED, repeated failures RATE_LIMITED')
  @UseGuards(GqlLocalGuard)
  async login(
    @Args('email') _email: string,
    @Args('password') _password: string,
    @Context('req') req: { signedInUser: UserEntity; user?: Actor },
  ) {
    const user = req.signedInUser;
    const session = await this.auth.login(user);
    // The rest of this response is read as the user who just signed in.
    req.user = (await this.auth.actorOf(user.id)) ?? undefined;
    return session;
  }

  @Mutation(() => AuthPayload)
  @Allow.public('holder of a valid, unrotated refresh token')
  async refreshSession(@Args('refreshToken') refreshToken: string, @Context('req') req: { user?: Actor }) {
    const session = await this.auth.refresh(refreshToken);
    // As with login, the payload's user is read as the session's user.
    req.user = (await this.auth.actorOf(session.user.id)) ?? undefined;
    return session;
  }

  @Mutation(() => Boolean)
  @Allow.public('holder of the refresh token')
  logout(@Args('refreshToken') refreshToken: string) {
    return this.auth.logout(refreshToken);
  }

  @Query(() => UserModel)
  @Allow.signedIn('any signed-in user: themselves')
  async me(@CurrentActor() actor: Actor) {
    const user = await this.users.findById(actor.userId);
    if (!user) throw DomainError.unauthenticated();
    return user;
  }
}
