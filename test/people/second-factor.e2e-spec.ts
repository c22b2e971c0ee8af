import { generateSync } from 'otplib';
import request from 'supertest';
import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const LOGIN = `mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, code: $c) {
  accessToken refreshToken secondFactorEnrolmentRequired } }`;
const BEGIN = 'mutation { beginSecondFactorEnrolment { secret otpauthUri qrCodeDataUrl } }';
const CONFIRM = 'mutation($c: String!) { confirmSecondFactor(code: $c) }';

describe('people: second factor (TOTP) for case workers', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let ip = 0;
  const login = async (email: string, code?: string) => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', `10.7.0.${++ip}`)
      .send({ query: LOGIN, variables: { e: email, p: PASSWORD, c: code } });
    return { data: res.body.data, errors: res.body.errors } as any;
  };

  beforeAll(async () => {
    t = await startTestApp({ REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER' });
    a = await anAlliance(t, {
      partners: { jc: { kind: 'JOBCENTER' } },
      users: { cw: { org: 'jc', roles: ['CASE_WORKER'] }, m: { org: 'jc', roles: ['MEMBER'] } },
    });
  });
  afterAll(() => t.close());

  it('a member without a required role signs in with the password alone', async () => {
    const res = await login(a.users.m.email);
    expect(res.data.login.secondFactorEnrolmentRequired).toBe(false);
    expect((await t.gql('{ alliances { id } }', {}, res.data.login.accessToken)).errors).toBeUndefined();
  });

  it('a case worker must set it up first, then signs in with a code or a recovery code; wrong codes are limited', async () => {
    const cw = a.users.cw;
    const first = await login(cw.email);
    expect(first.errors).toBeUndefined();
    expect(first.data.login.secondFactorEnrolmentRequired).toBe(true);
    const pending = first.data.login.accessToken;
    // Until it is set up, only the set-up (and reading oneself) is allowed.
    expect((await t.gql('{ me { id totpEnabledAt } }', {}, pending)).data.me.totpEnabledAt).toBeNull();
    const refused = await t.gql('{ alliances { id } }', {}, pending);
    expect(codes(refused)).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql('{ cases(first: 1) { totalCount } }', {}, pending))).toEqual([
      'SECOND_FACTOR_REQUIRED',
    ]);

    const begun = (await t.gql(BEGIN, {}, pending)).data.beginSecondFactorEnrolment;
    expect(begun.otpauthUri).toMatch(/^otpauth:\/\/totp\/B%C3%BCndnisportal:.*secret=/);
    expect(begun.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await t.db.query('SELECT totp_secret FROM users WHERE id = $1', [cw.id]);
    expect(stored.rows[0].totp_secret).not.toContain(begun.secret);

    const wrong = await t.gql(CONFIRM, { c: '000000' }, pending);
    expect(wrong.errors![0].extensions!.fields![0].path).toBe('code');
    const recovery: string[] = (await t.gql(CONFIRM, { c: generateSync({ secret: begun.secret }) }, pending))
      .data.confirmSecondFactor;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    const hashes = await t.db.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [cw.id]);
    expect(hashes.rows.map((r) => r.code_hash)).not.toContain(recovery[0]);
    // The same session may do everything now, and a refresh says so.
    expect((await t.gql('{ alliances { id } }', {}, pending)).errors).toBeUndefined();
    const refreshed = await t.gql(
      'mutation($r: String) { refreshSession(refreshToken: $r) { secondFactorEnrolmentRequired } }',
      {
        r: first.data.login.refreshToken,
      },
    );
    expect(refreshed.data.refreshSession.secondFactorEnrolmentRequired).toBe(false);

    // From now on: the password alone is not enough.
    const noCode = await login(cw.email);
    expect(codes(noCode)).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(noCode.data).toBeNull();
    expect(codes(await login(cw.email, '123456'))).toEqual(['UNAUTHENTICATED']);
    // The code of the next time step (the current one was used to confirm); used once only.
    const next = generateSync({ secret: begun.secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await login(cw.email, next);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.login.secondFactorEnrolmentRequired).toBe(false);
    expect(codes(await login(cw.email, next))).toEqual(['UNAUTHENTICATED']);
    // A recovery code works once (any case, with or without the dash).
    expect((await login(cw.email, recovery[3].toLowerCase())).errors).toBeUndefined();
    expect(codes(await login(cw.email, recovery[3]))).toEqual(['UNAUTHENTICATED']);

    // Wrong codes are limited like passwords: after five, even a right one is refused for a while.
    await t.db.query('DELETE FROM account_attempts');
    for (let i = 0; i < 5; i++)
      expect(codes(await login(cw.email, `99999${i}`))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await login(cw.email, recovery[4]))).toEqual(['RATE_LIMITED']);

    const audit = await t.db.query(
      `SELECT action, changed_fields FROM audit_entries WHERE entity_id = $1 AND action IN ('enableSecondFactor', 'useRecoveryCode') ORDER BY sequence`,
      [cw.id],
    );
    expect(audit.rows).toEqual([
      { action: 'enableSecondFactor', changed_fields: ['recoveryCodes', 'totpSecret'] },
      { action: 'useRecoveryCode', changed_fields: ['recoveryCodes'] },
    ]);
  });
});
