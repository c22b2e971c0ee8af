import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { FieldRule } from '../errors/field-rules.js';

export const MAX_FIRST = 100;
export const DEFAULT_FIRST = 20;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Validates `first`: 1..100, default 20; anything else is BAD_USER_INPUT on "first". */
export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
    throw DomainError.field('first', `must be between 0 and ${MAX_FIRST}`, FieldRule.OUT_OF_RANGE);
  }
  return first;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes an opaque keyset cursor; a malformed one is BAD_USER_INPUT on "after". */
export function decodeCursor(after: string | null | undefined, arity: number): unknown[] | undefined {
  if (after === undefined || after === null) return undefined;
  try {
    const values = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through
  }
  throw DomainError.field('after', 'is not a valid cursor', FieldRule.INVALID_CURSOR);
}

/** A count now, or one that runs only when the client selects `totalCount` (see countWhenSelected). */
export type Count = number | { readonly lazy: () => Promise<number> };

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * The one way a connection's `totalCount` is counted: only if the client selects `totalCount` (the
 * page carries it as a getter, which graphql-js reads for selected fields only), and at most once.
 * With `cap`, at most up to that many: a page of a large list must not count all of it. `count` then
 * receives the cap (to stop there, e.g. `LIMIT cap` under the count), the answer never exceeds it,
 * and the connection's `totalCount` description says so.
 */
export function countWhenSelected(count: () => Promise<number>): Count;
export function countWhenSelected(count: (cap: number) => Promise<number>, options: { cap: number }): Count;
export function countWhenSelected(count: (cap: number) => Promise<number>, options?: { cap: number }): Count {
  const cap = options?.cap ?? Infinity;
  let result: Promise<number> | undefined;
  return { lazy: () => (result ??= count(cap).then((n) => Math.min(n, cap))) };
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T>(
  rows: T[],
  limit: number,
  totalCount: Count,
  cursorOf: (row: T) => unknown[],
): Page<T> {
  const hasNextPage = rows.length > limit;
  const slice = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = slice.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  const page = {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  } as Page<T>;
  if (typeof totalCount === 'number') page.totalCount = totalCount;
  else Object.defineProperty(page, 'totalCount', { get: totalCount.lazy, enumerable: true });
  return page;
}

/** The GraphQL shape of a Relay connection: `<Name>Edge` and the fields of `<Name>Connection`. */
export function Connection<T>(node: Type<T>, name: string, options: { totalCountDescription?: string } = {}) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;
    @Field(() => node)
    node: T;
  }
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];
    @Field(() => PageInfo)
    pageInfo: PageInfo;
    @Field(() => Int, { description: options.totalCountDescription })
    totalCount: number | Promise<number>;
  }
  return ConnectionType;
}
