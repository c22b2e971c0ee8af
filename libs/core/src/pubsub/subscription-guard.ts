import { logger } from '../logging/logger.js';
import type { GqlContext } from '../graphql/context.js';

/**
 * `events` for as long as `check` answers true before each one; ends at the first false (or failed)
 * check. `return` goes straight to `events`, so an unsubscribe ends a pending `next` at once (an
 * async generator would wait for the next event first and keep the PubSub subscription until then).
 * Use it for every subscription: access is checked again before each event, not only at the start.
 */
export function whileTrue<T>(
  events: AsyncIterableIterator<T>,
  check: (event: T) => Promise<boolean>,
): AsyncIterableIterator<T> {
  const end = async (): Promise<IteratorResult<T>> =>
    (await events.return?.()) ?? { value: undefined, done: true };
  return {
    async next() {
      const result = await events.next();
      if (result.done) return result;
      const ok = await check(result.value).catch((err: Error) => {
        logger.warn({ component: 'pubsub', err: err.message }, 'subscriber check failed: subscription ended');
        return false;
      });
      return ok ? result : end();
    },
    return: end,
    throw: (err?: unknown) => events.throw?.(err) ?? Promise.reject(err),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The session family of the request's access token (already verified by the guard). */
export function sessionOfContext(ctx: GqlContext): string | undefined {
  const header = ctx.req?.headers?.authorization;
  const payload = typeof header === 'string' ? header.split('.')[1] : undefined;
  if (!payload) return undefined;
  try {
    const sid = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sid;
    return typeof sid === 'string' && /^[0-9a-f-]{36}$/i.test(sid) ? sid : undefined;
  } catch {
    return undefined;
  }
}

/** `events`, each turned into `map(event)` (awaited); ending or returning passes straight through. */
export function mapEvents<T, U>(
  events: AsyncIterableIterator<T>,
  map: (event: T) => Promise<U>,
): AsyncIterableIterator<U> {
  return {
    async next() {
      const result = await events.next();
      return result.done ? result : { value: await map(result.value), done: false };
    },
    return: async () => {
      await events.return?.();
      return { value: undefined, done: true };
    },
    throw: (err?: unknown) => Promise.reject(err),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
