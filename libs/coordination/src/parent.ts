/**
 * The type of a `@Parent()` parameter. A mapped type has no runtime class, so its design type is
 * `Object`, and the global ValidationPipe passes the parent through instead of copying and
 * validating it on every field of every row (measured: a large share of the task board's time).
 */
export type Parent<T> = { [K in keyof T]: T[K] };
