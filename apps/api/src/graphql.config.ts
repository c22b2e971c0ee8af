import { type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  apolloLogger,
  type AppConfig,
  DateScalar,
  formatGraphQLError,
  idempotencyPlugin,
  inputGuardPlugin,
  inputRefusal,
  LoaderRegistry,
  operationInputErrors,
  withCanonicalScalars,
  withPrefetchedFields,
} from '../../../libs/core/src/index.js';
import { limitRules } from './graphql-limits.js';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  specifiedRules,
  subscribe,
  validate,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';

/**
 * Limits checked before execution (DESIGN.md, Limits). Cost is graphql-armor's estimate (objects 2,
 * scalars 1, ×1.5 per level, × a literal `first`): the task board with `first: 100` and
 * every relation costs ~23 400, so the limit sits at 50 000; a document above it is refused.
 */
export const LIMITS = { depth: 10, aliases: 30, cost: 50_000 } as const;

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    autoSchemaFile: config.schemaFile ?? true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    graphiql: !config.production,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    // UNAVAILABLE answers 503 with Retry-After (Nest would reset every execution error to 200); no
    // other execution error sets an HTTP status.
    preserveHttpStatusForExecutionErrors: false,
    resolvers: { Date: DateScalar },
    // Ids canonical and DateTimes strict at the edge, for HTTP and subscriptions alike. Then lists
    // that load their rows' relations in their own statement (the task board) hand them to the field
    // resolvers directly, past Nest's per-field wrapper (bench/README.md).
    transformSchema: (schema) => withPrefetchedFields(withCanonicalScalars(schema)),
    // Cache-control hints are unused (no CDN caches GraphQL here), and the plugin wraps every field
    // resolver: measured, it cost a third of the task board's throughput (bench/README.md).
    plugins: [ApolloServerPluginCacheControlDisabled(), requestIdPlugin, inputGuardPlugin, idempotencyPlugin],
    validationRules: limitRules(LIMITS),
    // Nest's type lists only some graphql-ws options; it passes all of them on.
    subscriptions: { 'graphql-ws': graphqlWsOptions() as GraphQLWsSubscriptionsConfig },
    // Over graphql-ws each operation gets its own request: the guard authenticates its token and
    // sets req.user to the Actor, as it does for an HTTP request's Authorization header.
    context: ({ req, extra }: { req?: any; extra?: any }) => ({
      req: req ?? {
        headers: extra?.token ? { authorization: `Bearer ${extra.token}` } : {},
        ip: extra?.request?.socket?.remoteAddress,
      },
      loaders: new LoaderRegistry(),
    }),
    logger: apolloLogger,
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, requestIdOf(error), { hideSuggestions: config.production }),
  };
}

const REQUEST_ID = Symbol('requestId');

/**
 * Tags a request's errors with its request id before Apollo formats them, so an unexpected error's
 * correlation id is the id in the request's log lines. (An AsyncLocalStorage did this before; its
 * promise hooks cost every request about 8 % of its time, see bench/README.md.)
 */
const requestIdPlugin = {
  async requestDidStart({ contextValue }: { contextValue: { req?: { id?: string } } }) {
    const requestId = contextValue.req?.id;
    return {
      async didEncounterErrors({ errors }: { errors: readonly GraphQLError[] }) {
        if (!requestId) return;
        for (const e of errors) {
          (e as any)[REQUEST_ID] = requestId;
          if (e.originalError) (e.originalError as any)[REQUEST_ID] = requestId;
        }
      },
    };
  },
};

function requestIdOf(error: unknown): string | undefined {
  return (error as any)?.[REQUEST_ID] ?? (error as any)?.originalError?.[REQUEST_ID];
}

function bearerToken(params: Record<string, unknown> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer '))
    return authorization.slice(7).trim() || undefined;
  return typeof params?.token === 'string' && params.token ? params.token : undefined;
}

/** Subscriptions over graphql-ws: token in connection_init, the same limits and error formatting as HTTP. */
function graphqlWsOptions(): Partial<ServerOptions> {
  return {
    // connection_init { authorization: 'Bearer <token>' } (or { token }); without one the socket closes 4403.
    onConnect: (ctx) => {
      const token = bearerToken(ctx.connectionParams);
      if (!token) return false;
      (ctx.extra as any).token = token;
      return true;
    },
    // The input guard of HTTP requests (an Apollo plugin there), before a subscription starts.
    subscribe: (args: ExecutionArgs) => {
      const operation = getOperationAST(args.document, args.operationName);
      const fields = operation
        ? operationInputErrors(args.schema, args.document, operation, args.variableValues ?? undefined)
        : [];
      return fields.length ? { errors: [inputRefusal(fields)] } : subscribe(args);
    },
    validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules(LIMITS)]),
    onOperation: (_ctx, _id, _payload, _args, result) =>
      isAsyncIterable(result) ? undefined : refusal(result as ExecutionResult),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors
        ? { ...result, errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e)) as any }
        : undefined,
  };
}

function isAsyncIterable(value: unknown): boolean {
  return typeof (value as any)?.[Symbol.asyncIterator] === 'function';
}

/**
 * A subscription that could not be opened (not signed in, not a member) ends with a graphql-ws
 * `error` message instead of a `next` carrying errors: an iterator that fails at once does that.
 */
function refusal(result: ExecutionResult) {
  const first = result.errors?.[0];
  if (!first) return undefined;
  const formatted = formatGraphQLError(first.toJSON(), first);
  // eslint-disable-next-line require-yield -- an iterator that fails before its first event is the point
  return (async function* () {
    throw new GraphQLError(formatted.message, { extensions: formatted.extensions });
  })();
}
