import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GqlContext } from '../graphql/context.js';
import { IDEMPOTENCY_HEADER, idempotencyStateOf, type OutgoingResponse } from './idempotency.service.js';

/**
 * Stores a first answer, or sends a stored one, right before Apollo sends it (the interceptor left
 * the request's state on the request). Listens only to requests that carry an Idempotency-Key.
 */
export const idempotencyPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart({ request }): Promise<GraphQLRequestListener<GqlContext> | void> {
    if (!request.http?.headers.get(IDEMPOTENCY_HEADER)) return;
    return {
      async willSendResponse({ contextValue, response }) {
        await idempotencyStateOf(contextValue.req)?.finish(response as unknown as OutgoingResponse);
      },
    };
  },
};
