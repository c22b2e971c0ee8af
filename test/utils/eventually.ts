import type pg from 'pg';

/** The queue that delivers the outbox's mails. */
export { MAIL_QUEUE } from '../../libs/notifications/src/migrations/1795959363681-mail-outbox.js';

export interface UntilOptions {
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** What is awaited, for the failure message. */
  what: string;
  /** Poll interval (default 20 ms): short, since most states have no event to listen to. */
  intervalMs?: number;
}

/**
 * Polls `check` until it returns a truthy value, and returns that value; after `timeoutMs` it fails
 * saying what it waited for and what `check` last returned. For states that announce themselves by
 * no event: tests await a state rather than sleeping for a guessed time.
 */
export async function until<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 20_000, what, intervalMs = 20 }: UntilOptions,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${show(value)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** pg-boss (v10) job states after which a job does nothing more. */
const FINISHED = ['completed', 'failed', 'cancelled'];

/**
 * Waits until every pg-boss job of these queues has finished: nothing queued, waiting for a retry
 * or running. After it, such a queue can produce nothing more (a mail not sent by now is never
 * sent), so "nothing more arrives" can be asserted without sleeping. Returns the job count.
 */
export function queuesSettled(
  db: Pick<pg.Pool, 'query'>,
  queues: string[],
  timeoutMs = 60_000,
): Promise<{ jobs: number }> {
  return until(
    async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS jobs, count(*) FILTER (WHERE NOT state::text = ANY($2))::int AS open
           FROM pgboss.job WHERE name = ANY($1)`,
        [queues, FINISHED],
      );
      return rows[0].open === 0 ? { jobs: rows[0].jobs as number } : null;
    },
    { timeoutMs, what: `the queues ${queues.join(', ')} to finish every job` },
  );
}
