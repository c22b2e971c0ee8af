import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../../../core/src/index.js';

/** Runs passport-local on the `login` mutation's arguments. */
@Injectable()
export class GqlLocalGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext().req;
    const { email, password } = gql.getArgs();
    req.body = { email, password };
    return req;
  }

  /** Keeps the signed-in user apart from `req.user`, which holds the request's Actor. */
  override getAuthenticateOptions() {
    return { property: 'signedInUser', session: false };
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw DomainError.unauthenticated('E-mail or password is wrong');
    return user;
  }
}
