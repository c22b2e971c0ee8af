import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, APP_CONFIG, type AppConfig } from '../../../core/src/index.js';
import { deliverSession, deviceOf } from '../auth/auth.resolver.js';
import { AuthService } from '../auth/auth.service.js';
import { AuthPayload } from '../users/user.models.js';
import { clearPendingCookie, PENDING_COOKIE, readCookie } from './oidc-cookies.js';
import { OidcSignInService } from './oidc-sign-in.service.js';
import { SignInOptionsModel } from './sign-in.models.js';

type Req = { user?: Actor; headers?: Record<string, unknown>; res?: unknown; secure?: boolean };

@Resolver()
export class OidcResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIns: OidcSignInService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => SignInOptionsModel, { description: 'What the sign-in page offers.' })
  @Allow.public('anyone: what the sign-in page shows')
  signInOptions(): SignInOptionsModel {
    const oidc = this.config.people.oidc;
    return {
      password: this.config.people.passwordSignIn,
      identityProvider: oidc ? { displayName: oidc.displayName, startUrl: '/auth/oidc/start' } : null,
    };
  }

  @Mutation(() => AuthPayload, {
    description:
      'Completes a sign-in through the identity provider with the TOTP code or a recovery code, when the provider did not vouch for a second factor (the browser holds the pending sign-in as a cookie for 5 minutes).',
  })
  @Allow.public(
    'the browser that has just signed in at the identity provider; wrong codes answer UNAUTHENTICATED and are rate-limited',
  )
  async completeSignIn(@Args('code') code: string, @Context('req') req: Req) {
    const session = await this.signIns.complete(readCookie(req, PENDING_COOKIE), code, deviceOf(req));
    clearPendingCookie(req);
    req.user = (await this.auth.actorOf(session.user.id, session.familyId)) ?? undefined;
    return deliverSession(req, session);
  }
}
