/**
 * The port through which contexts register work that runs once a day, on one instance across all
 * (pg-boss's schedule, in `libs/notifications`): `register` in `onModuleInit`. A job must be
 * idempotent: a retried run (after a failure) may find part of its work already done.
 */
export const DAILY_JOBS = Symbol('DAILY_JOBS');

export interface DailyJobs {
  /** `name`: a queue name (letters, digits, dashes). `run` gets the time the run started. */
  register(name: string, run: (now: Date) => Promise<void>): void;
  /** Runs a registered job at once in this process (the administrator's "now"; tests). */
  runNow(name: string, now?: Date): Promise<void>;
}
