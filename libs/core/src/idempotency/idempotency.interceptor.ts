import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, type Observable } from 'rxjs';
import type { GqlContext } from '../graphql/context.js';
import { IDEMPOTENCY_HEADER, IdempotencyService } from './idempotency.service.js';

/**
 * Around each root mutation field of an HTTP request that carries an Idempotency-Key (after the
 * access guard, so the caller is known): replays, refuses, or runs the field with the key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly service: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.operation.operation !== 'mutation' || info.path.prev !== undefined) return next.handle();
    const req = gql.getContext<GqlContext>().req as GqlContext['req'] & { body?: unknown };
    if (req.headers?.[IDEMPOTENCY_HEADER] === undefined) return next.handle();
    return from(this.service.begin(req, info.operation, info.fragments)).pipe(
      mergeMap((state) => (state ? this.service.run(state, () => next.handle()) : next.handle())),
    );
  }
}
