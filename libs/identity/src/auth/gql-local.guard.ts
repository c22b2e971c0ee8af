import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Strategy } from 'passport-local';
import { APP_CONFIG, type AppConfig, DomainError } from '../../../core/src/index.js';
import { assertPasswordSignIn } from './password-sign-in.js';
import { AuthService } from './auth.service.js';

/**
 * Runs passport-local on the `login` mutation's arguments. The strategy belongs to this guard
 * (this application's AuthService), not to passport's process-wide registry: with the registry, a
 * second application in the same process (tests with two instances) replaced the strategy, and
 * sign-ins on the first ran against the second's (possibly closed) database.
 */
@Injectable()
export class GqlLocalGuard implements CanActivate {
  private readonly strategy: Strategy;

  constructor(
    auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.strategy = new Strategy(
      { usernameField: 'email', passwordField: 'password', passReqToCallback: true },
      (req, email, password, done) => {
        auth.validateCredentials(email, password, req.ip ?? 'unknown').then(
          (user) => done(null, user as Express.User),
          (err) => done(err),
        );
      },
    );
  }

  canActivate(context: ExecutionContext): Promise<boolean> {
    // Switched off: refused before the password is even looked at.
    assertPasswordSignIn(this.config);
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext().req;
    const { email, password } = gql.getArgs();
    req.body = { email, password };
    return new Promise((resolve, reject) => {
      // passport's own way of running a strategy: a per-request object with the outcome callbacks.
      const attempt = Object.create(this.strategy) as Strategy & Record<string, unknown>;
      // Kept apart from `req.user`, which holds the request's Actor.
      attempt.success = (user: unknown) => {
        req.signedInUser = user;
        resolve(true);
      };
      attempt.fail = () => reject(DomainError.unauthenticated('E-mail or password is wrong'));
      attempt.error = (err: unknown) => reject(err);
      attempt.pass = () => reject(DomainError.unauthenticated('E-mail or password is wrong'));
      attempt.redirect = () => reject(DomainError.unauthenticated('E-mail or password is wrong'));
      attempt.authenticate(req, {});
    });
  }
}
