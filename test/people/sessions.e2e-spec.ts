import request from 'supertest';
import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) {
  accessToken refreshToken accessTokenExpiresAt sessionExpiresAt } }`;
const REFRESH = 'mutation { refreshSession { accessToken refreshToken sessionExpiresAt } }';
const SESSIONS = '{ sessions { id device createdAt lastUsedAt expiresAt current } }';

function claims(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
const cookieOf = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bp_refresh='));

describe('people: sessions that end', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  const post = (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => {
    const req = request(t.http).post('/graphql').set('content-type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send({ query, variables });
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await anAlliance(t, {
      partners: { p: {} },
      users: { u: { org: 'p', roles: ['MEMBER'] }, o: { org: 'p', roles: ['MEMBER'] } },
    });
  });
  afterAll(() => t.close());

  it('the refresh token travels in an httpOnly SameSite=Strict cookie; a cookie-only client never sees it', async () => {
    const res = await post(LOGIN, { e: a.users.u.email, p: PASSWORD }, { 'x-refresh-cookie': 'only' });
    expect(res.body.data.login.refreshToken).toBe('');
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/graphql/);
    expect(cookie).not.toMatch(/Secure/);

    const pair = cookie.split(';')[0];
    const refreshed = await post(REFRESH, {}, { cookie: pair, 'x-refresh-cookie': 'only' });
    expect(refreshed.body.errors).toBeUndefined();
    expect(refreshed.body.data.refreshSession.refreshToken).toBe('');
    const next = cookieOf(refreshed)!.split(';')[0];
    expect(next).not.toBe(pair);
    // The rotated cookie replayed ends the session.
    expect(codes({ errors: (await post(REFRESH, {}, { cookie: pair })).body.errors } as any)).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect((await post(REFRESH, {}, { cookie: next })).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    // Behind HTTPS (a proxy on the loopback says so) the cookie is Secure.
    const secure = await post(LOGIN, { e: a.users.u.email, p: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(cookieOf(secure)).toMatch(/Secure/);
    // Scripts that send no header keep getting the token in the body, as the contract has it.
    expect(secure.body.data.login.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // logout without an argument ends the cookie's session and clears the cookie.
    const fresh = cookieOf(await post(LOGIN, { e: a.users.u.email, p: PASSWORD }))!.split(';')[0];
    const out = await post('mutation { logout }', {}, { cookie: fresh });
    expect(out.body.data.logout).toBe(true);
    expect(cookieOf(out)).toMatch(/bp_refresh=;/);
    expect((await post(REFRESH, {}, { cookie: fresh })).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await post(REFRESH)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a session ends after 30 idle minutes and at the latest 12 hours after sign-in', async () => {
    const res = await post(LOGIN, { e: a.users.u.email, p: PASSWORD });
    const { refreshToken, sessionExpiresAt } = res.body.data.login;
    const family = claims(res.body.data.login.accessToken).sid;
    const hours = (Date.parse(sessionExpiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.99);
    expect(hours).toBeLessThanOrEqual(12);
    const idle = await t.db.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS s FROM sessions WHERE family_id = $1`,
      [family],
    );
    expect(idle.rows).toEqual([{ s: 30 * 60 }]);

    // Idle for longer than that: refused.
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE family_id = $1`, [
      family,
    ]);
    const stale = await post('mutation($r: String) { refreshSession(refreshToken: $r) { accessToken } }', {
      r: refreshToken,
    });
    expect(stale.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(stale.body.errors[0].message).toMatch(/expired/);

    // Near the absolute end: the next token and the access token stop at that end, then nothing.
    const late = await post(LOGIN, { e: a.users.u.email, p: PASSWORD });
    const lateFamily = claims(late.body.data.login.accessToken).sid;
    await t.db.query(
      `UPDATE sessions SET family_started_at = now() - interval '12 hours' + interval '20 seconds' WHERE family_id = $1`,
      [lateFamily],
    );
    const last = await post(
      'mutation($r: String) { refreshSession(refreshToken: $r) { accessToken refreshToken sessionExpiresAt } }',
      {
        r: late.body.data.login.refreshToken,
      },
    );
    expect(last.body.errors).toBeUndefined();
    const c = claims(last.body.data.refreshSession.accessToken);
    expect(c.exp - c.iat).toBeLessThanOrEqual(21);
    expect(Date.parse(last.body.data.refreshSession.sessionExpiresAt) - Date.now()).toBeLessThan(21_000);
    await t.db.query(
      `UPDATE sessions SET family_started_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE family_id = $1`,
      [lateFamily],
    );
    const over = await post('mutation($r: String) { refreshSession(refreshToken: $r) { accessToken } }', {
      r: last.body.data.refreshSession.refreshToken,
    });
    expect(over.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('sessions lists the caller’s own; revokeSession ends one at once', async () => {
    const o = a.users.o;
    const phone = (await post(LOGIN, { e: o.email, p: PASSWORD }, { 'user-agent': 'Telefon/1.0' })).body.data
      .login.accessToken;
    const desk = (await post(LOGIN, { e: o.email, p: PASSWORD }, { 'user-agent': 'Arbeitsplatz/2.0' })).body
      .data.login.accessToken;
    const listed = await t.gql(SESSIONS, {}, desk);
    const mine = listed.data.sessions;
    expect(mine.length).toBeGreaterThanOrEqual(3); // the builder's sign-in, the phone, the desk
    const current = mine.find((s: any) => s.current);
    expect(current.device).toBe('Arbeitsplatz/2.0');
    const other = mine.find((s: any) => s.device === 'Telefon/1.0');
    expect(other.current).toBe(false);

    expect(
      codes(await t.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: other.id }, a.users.u.token)),
    ).toEqual(['NOT_FOUND']);
    const revoked = await t.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: other.id }, desk);
    expect(revoked.data.revokeSession).toBe(true);
    expect(codes(await t.gql('{ me { id } }', {}, phone))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql('{ me { id } }', {}, desk)).errors).toBeUndefined();
    const after = (await t.gql(SESSIONS, {}, desk)).data.sessions.map((s: any) => s.id);
    expect(after).not.toContain(other.id);
    expect(codes(await t.gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: 'nope' }, desk))).toEqual(
      ['NOT_FOUND'],
    );
  });
});
