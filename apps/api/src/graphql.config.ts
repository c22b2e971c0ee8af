import { type ApolloDriverConfig } from '@nestjs/apollo';
import { type AppConfig, DateScalar, formatGraphQLError, LoaderRegistry } from '../../../libs/core/src/index.js';
import { limitRules } from './graphql-limits.js';
import { requestContext } from './request-context.js';

/**
 * Limits checked before execution (DESIGN.md, Limits). Cost is graphql-armor's estimate (objects 2,
 * scalars 1, ×1.5 per level, × a literal `first`): the issue-3 task board with `first: 100` and
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
    resolvers: { Date: DateScalar },
    validationRules: limitRules(LIMITS),
    context: ({ req, extra }: { req?: any; extra?: any }) => ({
      req: req ?? extra?.request ?? {},
      loaders: new LoaderRegistry(),
    }),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, requestContext.getStore()?.requestId),
  };
}
