import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { MIGRATIONS } from '../../apps/api/src/migrations.js';
import {
  type AppConfig,
  loadConfig,
  QueryCounter,
  runMigrations,
  type StatementTally,
} from '../../libs/core/src/index.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };

export interface GqlResult<T = any> {
  status: number;
  body: {
    data?: T;
    errors?: {
      message: string;
      extensions?: {
        code?: string;
        fields?: { path: string; message: string; rule?: string }[];
        correlationId?: string;
      };
    }[];
  };
  data: T;
  errors?: GqlResult['body']['errors'];
  /** SQL statements this request issued (not those of anything running beside it). */
  statements: number;
  /** Their text, in order. */
  sql: string[];
}

/** An HTTP route's answer with the SQL statements that request issued. */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (JSON, PDF, calendar: undecoded). */
  raw: Buffer;
  text: string;
  statements: number;
}

export interface TestApp {
  app: INestApplication;
  http: any;
  config: AppConfig;
  databaseUrl: string;
  /** A direct connection to this file's database, for assertions and set-up the API does not offer. */
  db: pg.Pool;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** A GET of an HTTP route (feeds, files) with the SQL statements that request issued. */
  get(path: string, headers?: Record<string, string>): Promise<HttpResult>;
  login(email: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database cloned from a template that the real migrations built once per run (the first
 * test file to get here builds it, under an advisory lock).
 */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = process.env.BP_TEST_SERVER_URL!;
  const run = process.env.BP_TEST_RUN!;
  const template = `bp_template_${run}`;
  const name = `bp_t_${run}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(4711999)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${template}`);
      await runMigrations(withDatabase(serverUrl, template), MIGRATIONS);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4711999)').catch(() => undefined);
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bp-data-')),
    JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
    AUDIT_KEY: 'test-audit-key-0123456789abcdef01234567890',
    CASE_DATA_KEY: 'test-case-data-key-0123456789abcdef01234567',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_DATA: 'false',
    // Tests that are not about the second factor sign case workers in with a password alone;
    // test/people/second-factor.e2e-spec.ts runs with the default (CASE_WORKER).
    REQUIRE_SECOND_FACTOR_ROLES: 'none',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...overrides,
  });
}

/** The request header that names a request's statement tally (test harness only). */
const TALLY_HEADER = 'x-test-statement-tally';

/**
 * Boots the portal on a fresh database; pass `DATABASE_URL` in `overrides` to boot a second
 * instance on the same database as another (e.g. `{ DATABASE_URL: first.databaseUrl }`).
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = overrides.DATABASE_URL ?? (await createTestDatabase());
  const config = testConfig(databaseUrl, overrides);
  const app = await createApp(config);
  // Before init, so it runs after the body parser and before the GraphQL route: each counted request
  // runs in its own statement tally (the body parser's stream events would lose the async context).
  const tallies = new Map<string, StatementTally>();
  app.use((req: any, _res: unknown, next: () => void) => {
    const tag = req.headers[TALLY_HEADER];
    const tally = typeof tag === 'string' ? tallies.get(tag) : undefined;
    if (tally) QueryCounter.tally.run(tally, next);
    else next();
  });
  await app.init();
  const http = app.getHttpServer();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let adminToken: string | undefined;

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> => {
    const req = request(http).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const tag = randomUUID();
    const tally: StatementTally = { count: 0, statements: [] };
    tallies.set(tag, tally);
    req.set(TALLY_HEADER, tag);
    try {
      const res = await req.send({ query, variables });
      return {
        status: res.status,
        body: res.body,
        data: res.body.data,
        errors: res.body.errors,
        statements: tally.count,
        sql: tally.statements,
      };
    } finally {
      tallies.delete(tag);
    }
  };
  const get = async (path: string, headers: Record<string, string> = {}): Promise<HttpResult> => {
    const tag = randomUUID();
    const tally: StatementTally = { count: 0, statements: [] };
    tallies.set(tag, tally);
    try {
      const req = request(http).get(path).set(TALLY_HEADER, tag);
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      const res = await req.buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      const raw: Buffer = res.body;
      return {
        status: res.status,
        headers: res.headers as Record<string, string>,
        raw,
        text: raw.toString('utf8'),
        statements: tally.count,
      };
    } finally {
      tallies.delete(tag);
    }
  };
  const login = async (email: string, password: string) => {
    const res = await gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
      { e: email, p: password },
    );
    if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    return (res.data as any).login.accessToken as string;
  };
  return {
    app,
    http,
    config,
    databaseUrl,
    db,
    gql,
    get,
    login,
    adminToken: async () => (adminToken ??= await login(ADMIN.email, ADMIN.password)),
    close: async () => {
      await db.end();
      await app.close();
    },
  };
}

/** The error codes of a result, for compact assertions. */
export function codes(result: GqlResult): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
