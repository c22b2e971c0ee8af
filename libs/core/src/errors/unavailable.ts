import { Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pingDatabase } from '../database/sql-rows.js';
import { logger } from '../logging/logger.js';

export type Dependency = 'database' | 'redis';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * SQLSTATEs of an unreachable or overloaded server, and of the timeouts we configure: 08 connection
 * exceptions, 57P01–57P03 shutdown/starting up, 53300 too many connections, 57014 statement
 * timeout, 55P03 lock timeout, 25P03 idle-in-transaction timeout.
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300|57014|55P03|25P03)$/;

/** node-postgres raises these without a code (fixed texts of pg and pg-pool, not server messages). */
const PG_CLIENT_TEXTS = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
];

/** The short reason that may be logged: an errno or SQLSTATE, never a driver message. */
export function unavailableReason(err: unknown): string | undefined {
  for (let e: any = err, i = 0; e && i < 4; e = e.driverError ?? e.cause, i++) {
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATE.test(e.code))) return e.code;
    if (typeof e.message === 'string' && PG_CLIENT_TEXTS.some((t) => e.message.startsWith(t)))
      return e.message.startsWith('Query read timeout') || e.message.startsWith('timeout')
        ? 'timeout'
        : 'connection lost';
    if (isRedisError(e)) return 'redis connection lost';
  }
  return undefined;
}

/** ioredis's errors when Redis is gone (they carry no code). */
function isRedisError(e: any): boolean {
  return e?.name === 'MaxRetriesPerRequestError' || e?.message === 'Connection is closed.';
}

/** Which dependency an unavailability error belongs to. */
export function dependencyOf(err: unknown): Dependency {
  return isRedisError(err) ? 'redis' : 'database';
}

/** Whether an error means "a dependency is out of reach" (retryable) rather than a bug. */
export function isUnavailable(err: unknown): boolean {
  return unavailableReason(err) !== undefined;
}

/**
 * Knows which dependency is out of reach, so an outage is logged once at warn (not once per
 * request with a stack), and its end once at info. While the database is down, a probe asks it
 * every second whether it is back.
 */
@Injectable()
export class Availability implements OnApplicationShutdown {
  private readonly down = new Map<Dependency, { since: number; probe?: NodeJS.Timeout }>();

  constructor(@Optional() @InjectDataSource() private readonly dataSource?: DataSource) {}

  isDown(dependency: Dependency): boolean {
    return this.down.has(dependency);
  }

  report(dependency: Dependency, err: unknown): void {
    if (this.down.has(dependency)) return;
    const state: { since: number; probe?: NodeJS.Timeout } = { since: Date.now() };
    this.down.set(dependency, state);
    logger.warn({ dependency, reason: unavailableReason(err) ?? 'unknown' }, `${dependency} unavailable`);
    if (dependency === 'database' && this.dataSource) {
      let probing = false;
      state.probe = setInterval(() => {
        if (probing) return;
        probing = true;
        pingDatabase(this.dataSource!)
          .then(() => this.recovered('database'))
          .catch(() => undefined)
          .finally(() => (probing = false));
      }, 1000);
      state.probe.unref();
    }
  }

  recovered(dependency: Dependency): void {
    const state = this.down.get(dependency);
    if (!state) return;
    clearInterval(state.probe);
    this.down.delete(dependency);
    logger.info({ dependency, outageMs: Date.now() - state.since }, `${dependency} available again`);
  }

  onApplicationShutdown(): void {
    for (const state of this.down.values()) clearInterval(state.probe);
  }
}
