import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

export interface Limits {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * graphql-armor's rules throw by default, which Apollo answers as INTERNAL_SERVER_ERROR; reported
 * instead, a refusal is an ordinary validation error (GRAPHQL_VALIDATION_FAILED, HTTP 400), and
 * nothing executes.
 */
const report = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
};

export function limitRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, exposeLimits: true, ...report }) as ValidationRule,
    maxAliasesRule({ n: limits.aliases, exposeLimits: true, ...report }) as ValidationRule,
    costLimitRule({ maxCost: limits.cost, exposeLimits: true, ...report }) as ValidationRule,
  ];
}
