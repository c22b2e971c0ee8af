import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type OidcConfig, signInConfig } from './oidc-config.js';

export type { OidcConfig } from './oidc-config.js';

/** The one validated configuration, read once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  port: number;
  /** The portal's public base URL (no trailing slash): canonical ids of the OParl and FHIR APIs, links. */
  publicUrl: string;
  /** The deployment's Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit; undefined: the shipped templates. */
  legalDir?: string;
  /** Set: that PostgreSQL server. Unset: an embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  auditKey: string;
  caseDataKey: string;
  adminEmail?: string;
  adminPassword?: string;
  /** undefined: seed demo data only into an empty embedded database. */
  demoData?: boolean;
  redisUrl?: string;
  logLevel: string;
  /** Where the emitted schema is written (development only); undefined: in memory. */
  schemaFile?: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  caseRetentionDays: number;
  /** An erased case's disclosures are deleted this many days after its erasure. */
  disclosureRetentionDays: number;
  /** Earlier CASE_DATA_KEYs (comma-separated), still used to decrypt rows written under them. */
  caseDataPreviousKeys: string[];
  /** How often each instance tries the retention sweep (it runs once across instances). */
  caseRetentionSweepSeconds: number;
  /** Every this many audit entries a verification signs a checkpoint it starts from next time. */
  auditCheckpointInterval: number;
  /** How often the full audit-chain verification runs (once across instances). */
  auditFullVerifySeconds: number;
  /** People and mail (see the People section of the README). */
  people: PeopleConfig;
  /** Casework counts in the alliance report below this are suppressed (statistical disclosure control). */
  reportMinimumCount: number;
  /** Faults (README, Configuration): how long to wait before a dependency counts as unavailable. */
  timeouts: Timeouts;
  /** Idempotency-Keys of mutations: how long a key is remembered, and how often expired ones are swept. */
  idempotency: { keyHours: number; sweepSeconds: number };
  /** The daily jobs (notification digest, task deadlines) on pg-boss's schedule, once across instances. */
  dailyJobs: DailyJobsConfig;
}

export interface DailyJobsConfig {
  /** false: this instance neither schedules nor runs them (default in tests). */
  enabled: boolean;
  /** A five-field cron expression, in `timezone`. */
  cron: string;
  timezone: string;
}

export interface Timeouts {
  /** Opening a database connection, and waiting for a free one in the pool. */
  dbConnectMs: number;
  /** One SQL statement (server-side statement_timeout, and the client's own read timeout). */
  dbStatementMs: number;
  /** Waiting for a row or advisory lock. */
  dbLockMs: number;
  /** A transaction left idle (a stalled instance) before PostgreSQL ends it and frees its locks. */
  dbIdleInTransactionMs: number;
  /** At start: how long to retry an unreachable database before giving up. */
  startupRetrySeconds: number;
  /** HTTP: receiving a request's headers, and the whole request with its body. */
  httpHeadersMs: number;
  httpRequestMs: number;
}

/** Accounts, mail, sign-in and sessions. */
export interface PeopleConfig {
  /** smtp:// or smtps:// relay; unset: mails stay in the outbox (readable on the Postausgang page outside production). */
  smtpUrl?: string;
  mailFrom: string;
  /** Base of the links in mails, e.g. https://portal.example.org. */
  publicUrl: string;
  /** Delivery attempts before a mail is marked failed. */
  mailMaxAttempts: number;
  /** First retry delay; each further one doubles (pg-boss's backoff). */
  mailRetryDelaySeconds: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Roles whose holders must sign in with a second factor. */
  requireSecondFactorRoles: string[];
  /** false: only the identity provider signs people in (PASSWORD_SIGN_IN=false). */
  passwordSignIn: boolean;
  /** Sign-in through the municipality's OpenID Connect provider; unset: not offered. */
  oidc?: OidcConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string): boolean | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function secret(env: Env, name: string, production: boolean, stored: () => Record<string, string>): string {
  const raw = str(env, name);
  if (raw !== undefined) {
    if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters long');
    return raw;
  }
  if (production) throw new ConfigError(name, 'is required when NODE_ENV=production');
  return stored()[name];
}

function previousKeys(env: Env, name: string): string[] {
  const raw = str(env, name);
  if (raw === undefined) return [];
  const keys = raw
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.some((k) => k.length < 32))
    throw new ConfigError(name, 'must list keys of at least 32 characters each');
  return keys;
}

/**
 * Secrets that are not configured are generated once and kept in DATA_DIR/secrets.json
 * (outside production), so tokens and the audit chain survive restarts.
 */
function storedSecrets(dataDir: string): () => Record<string, string> {
  let cache: Record<string, string> | undefined;
  return () => {
    if (cache) return cache;
    const file = join(dataDir, 'secrets.json');
    const existing: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    let changed = false;
    for (const key of ['JWT_SECRET', 'AUDIT_KEY', 'CASE_DATA_KEY']) {
      if (!existing[key]) {
        existing[key] = randomBytes(32).toString('base64url');
        changed = true;
      }
    }
    if (changed) {
      mkdirSync(dataDir, { recursive: true, mode: 0o755 });
      writeFileSync(file, JSON.stringify(existing, null, 2), { mode: 0o600 });
    }
    cache = existing;
    return existing;
  };
}

const ROLE_NAMES = ['ALLIANCE_ADMIN', 'COORDINATOR', 'FACILITATOR', 'CASE_WORKER', 'MEMBER', 'OBSERVER'];

function url(env: Env, name: string, protocols: RegExp, expected: string): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  if (!protocols.test(raw)) throw new ConfigError(name, `must be ${expected}`);
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(name, `must be ${expected}`);
  }
  return raw;
}

function peopleConfig(env: Env, publicUrl: string, production: boolean): PeopleConfig {
  const smtpUrl = url(env, 'SMTP_URL', /^smtps?:\/\//, 'an smtp:// or smtps:// URL');
  // Links in mails that leave the machine must point at the portal's real address.
  if (production && smtpUrl && str(env, 'PUBLIC_URL') === undefined)
    throw new ConfigError('PUBLIC_URL', 'is required when NODE_ENV=production and SMTP_URL is set');
  const mailFrom = str(env, 'MAIL_FROM') ?? 'Bündnisportal <no-reply@localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must be an e-mail address');
  const rolesRaw = str(env, 'REQUIRE_SECOND_FACTOR_ROLES');
  const roles =
    rolesRaw === undefined
      ? ['CASE_WORKER']
      : rolesRaw === 'none'
        ? []
        : rolesRaw.split(',').map((r) => r.trim().toUpperCase());
  const unknown = roles.filter((r) => !ROLE_NAMES.includes(r));
  if (unknown.length)
    throw new ConfigError('REQUIRE_SECOND_FACTOR_ROLES', `names unknown roles: ${unknown.join(', ')}`);
  return {
    smtpUrl,
    mailFrom,
    publicUrl,
    mailMaxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
    mailRetryDelaySeconds: int(env, 'MAIL_RETRY_DELAY_SECONDS', 10, 1, 3600),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 1440),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 12, 1, 720),
    requireSecondFactorRoles: [...new Set(roles)],
    ...signInConfig(env, publicUrl),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = str(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';

  const databaseUrl = str(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const dataDir = resolve(str(env, 'DATA_DIR') ?? './.data');
  const redisUrl = str(env, 'REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }

  const adminEmail = str(env, 'ADMIN_EMAIL');
  const adminPassword = str(env, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'must be set together with the other',
    );
  }
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address');
  }
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters long');
  }

  const port = int(env, 'PORT', 3000, 0, 65535);
  const publicUrl = (str(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicUrl)) {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an http:// or https:// URL without query, got "${publicUrl}"`,
    );
  }

  const legalDir = str(env, 'LEGAL_DIR');
  if (legalDir !== undefined && !existsSync(legalDir)) {
    throw new ConfigError(
      'LEGAL_DIR',
      `must be a directory with the legal pages, "${legalDir}" does not exist`,
    );
  }

  const secrets = storedSecrets(dataDir);
  const logLevel = str(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }

  return {
    nodeEnv,
    production,
    port,
    publicUrl,
    legalDir: legalDir === undefined ? undefined : resolve(legalDir),
    databaseUrl,
    dataDir,
    jwtSecret: secret(env, 'JWT_SECRET', production, secrets),
    auditKey: secret(env, 'AUDIT_KEY', production, secrets),
    caseDataKey: secret(env, 'CASE_DATA_KEY', production, secrets),
    adminEmail,
    adminPassword,
    demoData: bool(env, 'DEMO_DATA'),
    redisUrl,
    logLevel,
    schemaFile: production ? undefined : str(env, 'SCHEMA_FILE'),
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    caseRetentionDays: int(env, 'CASE_RETENTION_DAYS', 3650, 1, 36500),
    disclosureRetentionDays: int(env, 'DISCLOSURE_RETENTION_DAYS', 1095, 1, 36500),
    caseDataPreviousKeys: previousKeys(env, 'CASE_DATA_PREVIOUS_KEYS'),
    caseRetentionSweepSeconds: int(env, 'CASE_RETENTION_SWEEP_SECONDS', 3600, 1, 604800),
    auditCheckpointInterval: int(env, 'AUDIT_CHECKPOINT_INTERVAL', 1000, 1, 1_000_000),
    auditFullVerifySeconds: int(env, 'AUDIT_FULL_VERIFY_SECONDS', 86400, 1, 2_592_000),
    people: peopleConfig(env, publicUrl, production),
    reportMinimumCount: int(env, 'REPORT_MINIMUM_COUNT', 5, 2, 100),
    timeouts: timeouts(env),
    idempotency: {
      keyHours: int(env, 'IDEMPOTENCY_KEY_HOURS', 24, 1, 168),
      sweepSeconds: int(env, 'IDEMPOTENCY_SWEEP_SECONDS', 3600, 1, 86400),
    },
    dailyJobs: dailyJobs(env, nodeEnv),
  };
}

function dailyJobs(env: Env, nodeEnv: AppConfig['nodeEnv']): DailyJobsConfig {
  const cron = str(env, 'DAILY_JOBS_CRON') ?? '0 6 * * *';
  if (!/^\S+( \S+){4}$/.test(cron))
    throw new ConfigError('DAILY_JOBS_CRON', 'must be a cron expression of five fields');
  const timezone = str(env, 'DAILY_JOBS_TIMEZONE') ?? 'Europe/Berlin';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ConfigError('DAILY_JOBS_TIMEZONE', 'must be an IANA time zone such as Europe/Berlin');
  }
  return { enabled: bool(env, 'DAILY_JOBS') ?? nodeEnv !== 'test', cron, timezone };
}

function timeouts(env: Env): Timeouts {
  const httpHeadersMs = int(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000);
  const httpRequestMs = int(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000);
  // Node requires it: the headers arrive within the whole request's time.
  if (httpRequestMs < httpHeadersMs)
    throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', 'must not be shorter than HTTP_HEADERS_TIMEOUT_MS');
  return {
    dbConnectMs: int(env, 'DB_CONNECT_TIMEOUT_MS', 5000, 100, 60_000),
    dbStatementMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15_000, 100, 600_000),
    dbLockMs: int(env, 'DB_LOCK_TIMEOUT_MS', 10_000, 100, 600_000),
    dbIdleInTransactionMs: int(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 100, 3_600_000),
    startupRetrySeconds: int(env, 'DB_STARTUP_RETRY_SECONDS', 60, 0, 3600),
    httpHeadersMs,
    httpRequestMs,
  };
}
