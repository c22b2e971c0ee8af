import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { anAlliance, PASSWORD } from '../utils/builders.js';
import { ADMIN, codes, createTestDatabase, startTestApp, type TestApp } from '../utils/test-app.js';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken accessTokenExpiresAt user { email } } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }';
const LOGOUT = 'mutation($r: String!) { logout(refreshToken: $r) }';
const ME = '{ me { id email } }';

function claims(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

describe('identity: sign-in, sessions, throttling, bootstrap', () => {
  let t: TestApp;
  /** Each test signs in from its own address, so the per-address limit of one does not spill over. */
  let address = 0;
  const from = () => `10.1.0.${++address}`;
  const login = async (email: string, password: string, ip = from()) => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', ip)
      .send({ query: LOGIN, variables: { e: email, p: password } });
    return res.body as { data?: any; errors?: any[] };
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('login returns a 15-minute JWT access token and an opaque refresh token', async () => {
    const before = Date.now();
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.errors).toBeUndefined();
    const { accessToken, refreshToken, accessTokenExpiresAt, user } = res.data.login;
    expect(user.email).toBe(ADMIN.email);
    expect(accessToken.split('.')).toHaveLength(3);
    const c = claims(accessToken);
    expect(c.exp - c.iat).toBe(15 * 60);
    const expires = Date.parse(accessTokenExpiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(15 * 60 * 1000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60 * 1000 + 5000);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(refreshToken.split('.')).toHaveLength(1);
    // Stored hashed: the token itself is nowhere in the database.
    const stored = await t.db.query('SELECT token_hash FROM sessions WHERE token_hash = $1', [refreshToken]);
    expect(stored.rowCount).toBe(0);
    const me = await t.gql(ME, {}, accessToken);
    expect(me.data.me.email).toBe(ADMIN.email);
  });

  it('e-mail is matched case-insensitively at sign-in', async () => {
    const res = await login(ADMIN.email.toUpperCase(), ADMIN.password);
    expect(res.errors).toBeUndefined();
  });

  it('wrong password and unknown e-mail answer the same UNAUTHENTICATED, in similar time', async () => {
    const wrong = await login(ADMIN.email, 'not-the-password-123');
    const unknown = await login('nobody-here@test.local', 'not-the-password-123');
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(wrong.data).toEqual(unknown.data);

    // Interleaved, each from a fresh address and account so no throttling interferes.
    const times = { wrong: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      let s = performance.now();
      await login(ADMIN.email, `wrong-password-${i}-xyz`, `10.2.0.${i}`);
      times.wrong.push(performance.now() - s);
      s = performance.now();
      await login(`unknown-${i}@test.local`, `wrong-password-${i}-xyz`, `10.3.0.${i}`);
      times.unknown.push(performance.now() - s);
      if (i === 1) await t.db.query('DELETE FROM login_failures'); // stay below the per-account limit
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(times.unknown) / median(times.wrong);
    console.info(
      `login timing: wrong password ${median(times.wrong).toFixed(1)} ms, unknown e-mail ${median(times.unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
    await t.db.query('DELETE FROM login_failures');
  });

  it('a password under 12 characters is BAD_USER_INPUT on input.password', async () => {
    const a = await anAlliance(t, { partners: { city: {} } });
    const res = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          email: 'short@test.local',
          displayName: 'Short',
          organisationId: a.orgs.city,
          password: 'elevenchars',
        },
      },
      await t.adminToken(),
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields![0].path).toBe('input.password');
    const rows = await t.db.query("SELECT 1 FROM users WHERE email = 'short@test.local'");
    expect(rows.rowCount).toBe(0);
  });

  it('e-mail addresses are unique case-insensitively', async () => {
    const a = await anAlliance(t, { partners: { city: {} } });
    const create = (email: string) =>
      t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id email } }',
        { i: { email, displayName: 'Dup', organisationId: a.orgs.city, password: PASSWORD } },
        undefined,
      );
    const admin = await t.adminToken();
    const first = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id email } }',
      {
        i: {
          email: 'Case.Test@Test.local',
          displayName: 'Dup',
          organisationId: a.orgs.city,
          password: PASSWORD,
        },
      },
      admin,
    );
    expect(first.errors).toBeUndefined();
    const second = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          email: 'case.test@test.LOCAL',
          displayName: 'Dup',
          organisationId: a.orgs.city,
          password: PASSWORD,
        },
      },
      admin,
    );
    expect(codes(second)).toEqual(['BAD_USER_INPUT']);
    expect(second.errors![0].extensions!.fields![0].path).toBe('input.email');
    expect(codes(await create('x@test.local'))).toEqual(['UNAUTHENTICATED']);
  });

  it('refreshSession rotates; reusing a rotated token revokes the whole family', async () => {
    const first = (await login(ADMIN.email, ADMIN.password)).data.login;
    const r1 = await t.gql(REFRESH, { r: first.refreshToken });
    expect(r1.errors).toBeUndefined();
    const second = r1.data.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(ME, {}, second.accessToken)).data.me.email).toBe(ADMIN.email);

    // Replay of the rotated token: refused, and the family ends.
    const replay = await t.gql(REFRESH, { r: first.refreshToken });
    expect(codes(replay)).toEqual(['UNAUTHENTICATED']);
    const newest = await t.gql(REFRESH, { r: second.refreshToken });
    expect(codes(newest)).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, second.accessToken))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, first.accessToken))).toEqual(['UNAUTHENTICATED']);

    // Another session of the same user is untouched.
    const other = (await login(ADMIN.email, ADMIN.password)).data.login;
    expect((await t.gql(ME, {}, other.accessToken)).errors).toBeUndefined();
  });

  it('logout revokes the refresh token and the access tokens of its session', async () => {
    const s = (await login(ADMIN.email, ADMIN.password)).data.login;
    const out = await t.gql(LOGOUT, { r: s.refreshToken });
    expect(out.data.logout).toBe(true);
    expect(codes(await t.gql(REFRESH, { r: s.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, s.accessToken))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql(LOGOUT, { r: 'no-such-token' })).data.logout).toBe(false);
  });

  it('an unknown, malformed or forged token is UNAUTHENTICATED', async () => {
    expect(codes(await t.gql(REFRESH, { r: 'garbage' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, 'not.a.jwt'))).toEqual(['UNAUTHENTICATED']);
    const real = (await login(ADMIN.email, ADMIN.password)).data.login.accessToken as string;
    const [h, , s] = real.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims(real), sub: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    expect(codes(await t.gql(ME, {}, `${h}.${forged}.${s}`))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME))).toEqual(['UNAUTHENTICATED']);
    // Expired, signed with another secret, or unsigned (alg none): all refused.
    const { sub, sid } = claims(real);
    const jwt = new JwtService();
    expect(
      (await t.gql(ME, {}, jwt.sign({ sub, sid }, { secret: t.config.jwtSecret, expiresIn: 60 }))).data.me
        .email,
    ).toBe(ADMIN.email);
    expect(
      codes(
        await t.gql(
          ME,
          {},
          jwt.sign(
            { sub, sid, iat: Math.floor(Date.now() / 1000) - 1000 },
            { secret: t.config.jwtSecret, expiresIn: 900 },
          ),
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      codes(
        await t.gql(
          ME,
          {},
          jwt.sign({ sub, sid }, { secret: 'another-secret-of-sufficient-length-123456', expiresIn: 60 }),
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub, sid, exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url')}.`;
    expect(codes(await t.gql(ME, {}, none))).toEqual(['UNAUTHENTICATED']);
  });

  it('five failures for one account within 15 minutes answer RATE_LIMITED, even with the right password', async () => {
    const a = await anAlliance(t, {
      partners: { city: {} },
      users: { u: { org: 'city', roles: ['MEMBER'] } },
    });
    const email = a.users.u.email;
    for (let i = 0; i < 5; i++) {
      const res = await login(email, `wrong-password-${i}-abc`, `10.4.${i}.1`);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await login(email, PASSWORD, '10.4.9.1');
    expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    // Failures older than the window no longer count.
    await t.db.query("UPDATE login_failures SET at = now() - interval '16 minutes'");
    expect((await login(email, PASSWORD, '10.4.9.2')).errors).toBeUndefined();
    // The failure keys are hashes: the address is not stored.
    const stored = await t.db.query('SELECT account_key, address_key FROM login_failures');
    expect(JSON.stringify(stored.rows)).not.toContain(email);
    expect(JSON.stringify(stored.rows)).not.toContain('10.4.');
  });

  it('twenty failures from one address answer RATE_LIMITED for any account from there', async () => {
    await t.db.query('DELETE FROM login_failures');
    const ip = '10.5.0.1';
    for (let i = 0; i < 20; i++) {
      const res = await login(`someone-${i}@test.local`, 'wrong-password-abc', ip);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await login(ADMIN.email, ADMIN.password, ip)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect((await login(ADMIN.email, ADMIN.password, '10.5.0.2')).errors).toBeUndefined();
    await t.db.query('DELETE FROM login_failures');
  });

  it('two instances starting together on a fresh database create one administrator', async () => {
    const url = await createTestDatabase();
    const [one, two] = await Promise.all([
      startTestApp({ DATABASE_URL: url }),
      startTestApp({ DATABASE_URL: url }),
    ]);
    try {
      const admins = await one.db.query('SELECT count(*)::int AS n FROM users WHERE platform_admin');
      expect(admins.rows[0].n).toBe(1);
      const orgs = await one.db.query(
        "SELECT count(*)::int AS n FROM organisations WHERE name = 'Plattformbetrieb'",
      );
      expect(orgs.rows[0].n).toBe(1);
    } finally {
      await two.close();
      await one.close();
    }
  });

  it('ADMIN_EMAIL naming an existing ordinary account neither promotes it nor changes its password', async () => {
    const a = await anAlliance(t, {
      partners: { city: {} },
      users: { u: { org: 'city', roles: ['MEMBER'] } },
    });
    const other = await startTestApp({
      DATABASE_URL: t.databaseUrl,
      ADMIN_EMAIL: a.users.u.email,
      ADMIN_PASSWORD: 'another-password-123',
    });
    await other.close();
    const row = await t.db.query('SELECT platform_admin FROM users WHERE id = $1', [a.users.u.id]);
    expect(row.rows[0].platform_admin).toBe(false);
    expect((await login(a.users.u.email, PASSWORD)).errors).toBeUndefined();
    expect((await login(a.users.u.email, 'another-password-123')).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('ADMIN_EMAIL/ADMIN_PASSWORD bootstrap is idempotent: a second instance on the same database creates nobody', async () => {
    const before = await t.db.query('SELECT id FROM users WHERE lower(email) = lower($1)', [ADMIN.email]);
    expect(before.rowCount).toBe(1);
    const entries = Number(
      (await t.db.query("SELECT count(*) FROM audit_entries WHERE action = 'bootstrapAdmin'")).rows[0].count,
    );
    expect(entries).toBe(1);
    const second = await startTestApp({ DATABASE_URL: t.databaseUrl });
    try {
      const after = await t.db.query('SELECT id, platform_admin FROM users WHERE lower(email) = lower($1)', [
        ADMIN.email,
      ]);
      expect(after.rows).toEqual([{ id: before.rows[0].id, platform_admin: true }]);
      expect(
        Number(
          (await t.db.query("SELECT count(*) FROM audit_entries WHERE action = 'bootstrapAdmin'")).rows[0]
            .count,
        ),
      ).toBe(1);
      expect(
        Number(
          (await t.db.query("SELECT count(*) FROM organisations WHERE name = 'Plattformbetrieb'")).rows[0]
            .count,
        ),
      ).toBe(1);
      // The second instance accepts the first one's tokens (shared secret, sessions in the database).
      const token = await t.adminToken();
      expect((await second.gql(ME, {}, token)).data.me.email).toBe(ADMIN.email);
    } finally {
      await second.close();
    }
    // Each instance signs in with its own strategy: the closed second one does not take the first's sign-ins with it.
    expect((await login(ADMIN.email, ADMIN.password)).errors).toBeUndefined();
  });
});
