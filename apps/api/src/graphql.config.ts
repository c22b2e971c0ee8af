import { type ApolloDriverConfig } from '@nestjs/apollo';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type AppConfig, DateScalar, formatGraphQLError, LoaderRegistry } from '../../../libs/core/src/index.js';
import { requestContext } from './request-context.js';

/** Limits checked before execution (DESIGN.md, Limits). */
export const LIMITS = { depth: 10, aliases: 30, cost: 20_000 } as const;

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
    validationRules: [
      maxDepthRule({ n: LIMITS.depth, exposeLimits: true }),
      maxAliasesRule({ n: LIMITS.aliases, exposeLimits: true }),
      costLimitRule({ maxCost: LIMITS.cost, exposeLimits: true }),
    ],
    context: ({ req, extra }: { req?: any; extra?: any }) => ({
      req: req ?? extra?.request ?? {},
      loaders: new LoaderRegistry(),
    }),
    formatError: (formatted, error) => formatGraphQLError(formatted, error, requestContext.getStore()?.requestId),
  };
}
