import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DomainError } from '../../../core/src/index.js';
import { AuthPayload, SessionModel, UserModel } from '../users/user.models.js';
import { UsersService } from '../users/users.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { AuthService, type IssuedSession } from './auth.service.js';
import { GqlLocalGuard } from './gql-local.guard.js';
import { DuringEnrolment } from '../second-factor/during-enrolment.js';
import { SecondFactorService } from '../second-factor/second-factor.service.js';
import {
  clearRefreshCookie,
  refreshTokenFromCookie,
  setRefreshCookie,
  wantsCookieOnly,
} from './session-cookie.js';

type Req = { user?: Actor; headers?: Record<string, unknown>; res?: unknown; secure?: boolean };

/**
 * Hands a new session to the client: the refresh token as an httpOnly cookie, and in the body too
 * unless the client asked for the cookie only (the web app does, so no script there can read it).
 */
export function deliverSession<S extends IssuedSession>(req: Req, session: S): S {
  setRefreshCookie(req, session.refreshToken, session.sessionExpiresAt);
  return wantsCookieOnly(req) ? { ...session, refreshToken: '' } : session;
}

export function deviceOf(req: Req): string | undefined {
  const agent = req.headers?.['user-agent'];
  return typeof agent === 'string' ? agent.slice(0, 200) : undefined;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Mutation(() => AuthPayload)
  @Allow.public(
    'anyone; wrong credentials answer UNAUTHENTICATED, a missing second-factor code SECOND_FACTOR_REQUIRED, repeated failures RATE_LIMITED',
  )
  @UseGuards(GqlLocalGuard)
  async login(
    @Args('email') _email: string,
    @Args('password') _password: string,
    @Context('req') req: Req & { signedInUser: UserEntity },
    @Args('code', {
      nullable: true,
      description: 'The TOTP code or a recovery code, when the user has a second factor.',
    })
    code?: string,
  ) {
    const user = req.signedInUser;
    const actor = await this.auth.actorOf(user.id);
    let pending = false;
    if (await this.secondFactor.enabled(user.id)) await this.secondFactor.verifyAtSignIn(user.id, code);
    // Required but not yet set up: this sign-in may only set it up.
    else pending = this.secondFactor.requiredFor(actor);
    const session = await this.auth.login(user, deviceOf(req), pending);
    // The rest of this response is read as the user who just signed in.
    req.user = actor ? { ...actor, secondFactorPending: pending } : undefined;
    return deliverSession(req, session);
  }

  @Mutation(() => AuthPayload)
  @Allow.public('holder of a valid, unrotated refresh token (argument or cookie)')
  async refreshSession(
    @Context('req') req: Req,
    @Args('refreshToken', { nullable: true, description: 'Absent: the refresh cookie is used.' })
    refreshToken?: string,
  ) {
    const token = refreshToken || refreshTokenFromCookie(req);
    if (!token) throw DomainError.unauthenticated('Session expired; please sign in again');
    const session = await this.auth.refresh(token);
    // As with login, the payload's user is read as the session's user.
    req.user = (await this.auth.actorOf(session.user.id, session.familyId)) ?? undefined;
    return deliverSession(req, session);
  }

  @Mutation(() => Boolean)
  @Allow.public('holder of the refresh token (argument or cookie)')
  async logout(
    @Context('req') req: Req,
    @Args('refreshToken', { nullable: true, description: 'Absent: the refresh cookie is used.' })
    refreshToken?: string,
  ) {
    const token = refreshToken || refreshTokenFromCookie(req);
    clearRefreshCookie(req);
    return token ? this.auth.logout(token) : false;
  }

  @Query(() => UserModel)
  @Allow.signedIn('any signed-in user: themselves')
  @DuringEnrolment()
  async me(@CurrentActor() actor: Actor) {
    const user = await this.users.findById(actor.userId);
    if (!user) throw DomainError.unauthenticated();
    return user;
  }

  @Query(() => [SessionModel])
  @Allow.signedIn('any signed-in user: their own sessions')
  async sessions(@CurrentActor() actor: Actor) {
    const rows = await this.auth.listSessions(actor);
    return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
  }

  @Mutation(() => Boolean)
  @Allow.signedIn('any signed-in user: their own sessions')
  revokeSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.auth.revokeSession(actor, id);
  }
}
