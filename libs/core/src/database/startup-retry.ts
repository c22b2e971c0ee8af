import { isUnavailable, unavailableReason } from '../errors/unavailable.js';
import { logger } from '../logging/logger.js';

export class StartupGaveUpError extends Error {
  constructor(
    readonly attempts: number,
    readonly seconds: number,
    readonly reason: string,
  ) {
    super(
      `The database could not be reached in ${seconds} s (${attempts} attempts, last: ${reason}); ` +
        'check DATABASE_URL and that PostgreSQL runs, or raise DB_STARTUP_RETRY_SECONDS',
    );
  }
}

/**
 * Runs `attempt` until it succeeds, while it fails because the database cannot be reached (a
 * database that starts together with the API, or restarts): backoff from 0.5 s doubling to 5 s,
 * each attempt logged, for at most `seconds`. Any other failure (a wrong password, a failing
 * migration) ends at once.
 */
export async function retryWhileUnavailable<T>(
  attempt: () => Promise<T>,
  seconds: number,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  const started = Date.now();
  let delay = 500;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isUnavailable(e)) throw e;
      const reason = unavailableReason(e) ?? 'unknown';
      const elapsed = Date.now() - started;
      if (elapsed + delay > seconds * 1000) throw new StartupGaveUpError(n, seconds, reason);
      logger.warn({ attempt: n, reason, retryInMs: delay }, 'database not reachable yet, retrying');
      await sleep(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }
}
