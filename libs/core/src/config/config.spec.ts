import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'a-secret-of-at-least-32-characters-0123456789';
const dataDir = () => mkdtempSync(join(tmpdir(), 'bp-config-'));

/** The variable a refused configuration names, and its message. */
function refusal(env: Record<string, string>): { variable: string; message: string } {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (e) {
    if (e instanceof ConfigError) return { variable: e.variable, message: e.message };
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has defaults: port 3000, embedded database, development', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      nodeEnv: 'development',
      production: false,
      demoData: undefined,
      accessTokenTtlSeconds: 900,
      logLevel: 'info',
    });
    expect(c.adminEmail).toBeUndefined();
    expect(c.people).toEqual({
      smtpUrl: undefined,
      mailFrom: 'Bündnisportal <no-reply@localhost>',
      publicUrl: 'http://localhost:3000',
      mailMaxAttempts: 8,
      mailRetryDelaySeconds: 10,
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      requireSecondFactorRoles: ['CASE_WORKER'],
      passwordSignIn: true,
    });
  });

  it('production with SMTP_URL needs PUBLIC_URL for the links in mails', () => {
    const base = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@h/db',
      JWT_SECRET: SECRET,
      AUDIT_KEY: `${SECRET}x`,
      CASE_DATA_KEY: `${SECRET}y`,
      SMTP_URL: 'smtp://relay.example.org:25',
    };
    expect(refusal(base).variable).toBe('PUBLIC_URL');
    const c = loadConfig({ ...base, DATA_DIR: dataDir(), PUBLIC_URL: 'https://portal.example.org/' });
    expect(c.people.publicUrl).toBe('https://portal.example.org');
    expect(
      loadConfig({ DATA_DIR: dataDir(), REQUIRE_SECOND_FACTOR_ROLES: 'none' }).people
        .requireSecondFactorRoles,
    ).toEqual([]);
  });

  it('generates JWT_SECRET, AUDIT_KEY and CASE_DATA_KEY once and keeps them in DATA_DIR (mode 0600)', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(new Set([first.jwtSecret, first.auditKey, first.caseDataKey]).size).toBe(3);
    expect([second.jwtSecret, second.auditKey, second.caseDataKey]).toEqual([
      first.jwtSecret,
      first.auditKey,
      first.caseDataKey,
    ]);
    const file = join(dir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).JWT_SECRET).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Configured values win over stored ones.
    expect(loadConfig({ DATA_DIR: dir, JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
  });

  it('production requires JWT_SECRET, AUDIT_KEY and CASE_DATA_KEY, and writes no secrets file', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' };
    expect(refusal(base).variable).toBe('JWT_SECRET');
    expect(refusal({ ...base, JWT_SECRET: SECRET }).variable).toBe('AUDIT_KEY');
    expect(refusal({ ...base, JWT_SECRET: SECRET, AUDIT_KEY: SECRET }).variable).toBe('CASE_DATA_KEY');
    const dir = dataDir();
    const c = loadConfig({
      ...base,
      DATA_DIR: dir,
      JWT_SECRET: SECRET,
      AUDIT_KEY: `${SECRET}x`,
      CASE_DATA_KEY: `${SECRET}y`,
    });
    expect(c.production).toBe(true);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
    expect(refusal({ ...base, JWT_SECRET: SECRET, AUDIT_KEY: 'too-short' }).message).toBe(
      'Invalid configuration: AUDIT_KEY must be at least 32 characters long',
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    [{ AUDIT_KEY: 'too-short' }, 'AUDIT_KEY'],
    [{ ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'long-enough-password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'not an address', ADMIN_PASSWORD: 'long-enough-password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ACCESS_TOKEN_TTL_SECONDS: '5' }, 'ACCESS_TOKEN_TTL_SECONDS'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'portal.example.org' }, 'PUBLIC_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER,BOSS' }, 'REQUIRE_SECOND_FACTOR_ROLES'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ SESSION_MAX_HOURS: 'long' }, 'SESSION_MAX_HOURS'],
    [{ PUBLIC_URL: 'buendnis.example.org' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://buendnis.example.org/?x=1' }, 'PUBLIC_URL'],
  ])('refuses %j naming %s', (env, variable) => {
    const r = refusal(env as Record<string, string>);
    expect(r.variable).toBe(variable);
    expect(r.message).toContain(variable);
    expect(r.message).toMatch(/^Invalid configuration: /);
  });

  it('never repeats a secret or password in its message', () => {
    expect(refusal({ JWT_SECRET: 'short-secret-value' }).message).not.toContain('short-secret-value');
    expect(refusal({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'tiny-pw' }).message).not.toContain(
      'tiny-pw',
    );
    expect(refusal({ DATABASE_URL: 'mysql://user:hunter2@h/db' }).message).not.toContain('hunter2');
  });

  it('reads DEMO_DATA, PORT, LOG_LEVEL, DATABASE_URL and REDIS_URL when well-formed', () => {
    const c = loadConfig({
      DATA_DIR: dataDir(),
      DEMO_DATA: 'true',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://u:p@db:5432/portal',
      REDIS_URL: 'redis://cache:6379',
    });
    expect(c).toMatchObject({
      demoData: true,
      port: 8080,
      logLevel: 'debug',
      databaseUrl: 'postgresql://u:p@db:5432/portal',
      redisUrl: 'redis://cache:6379',
    });
    expect(loadConfig({ DATA_DIR: dataDir(), DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
  });

  it('PUBLIC_URL: defaults to localhost on PORT; a trailing slash is dropped', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(
      loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: 'https://buendnis.example.org/portal/' }).publicUrl,
    ).toBe('https://buendnis.example.org/portal');
  });
});
