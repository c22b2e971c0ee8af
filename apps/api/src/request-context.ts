import { AsyncLocalStorage } from 'node:async_hooks';

/** The request id travels with the request, so error formatting and logs can name it. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();
