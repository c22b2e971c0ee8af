import { generateSync } from 'otplib';
import request from 'supertest';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { sessionOf, signInThroughProvider } from '../utils/oidc-flow.js';
import { oidcEnv, startTestProvider, type TestProvider } from '../utils/oidc-provider.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const PUBLIC_URL = 'http://localhost:3000';
const COMPLETE = `mutation($c: String!) { completeSignIn(code: $c) { accessToken secondFactorEnrolmentRequired user { email } } }`;

describe('people: the identity provider and the second factor', () => {
  let op: TestProvider;
  let t: TestApp;
  let a: BuiltAlliance;
  let secret: string;

  const complete = async (cookie: string | undefined, code: string) => {
    const req = request(t.http).post('/graphql').set('content-type', 'application/json');
    if (cookie) req.set('cookie', cookie);
    const res = await req.send({ query: COMPLETE, variables: { c: code } });
    return { data: res.body.data, errors: res.body.errors, setCookie: res.headers['set-cookie'] } as any;
  };

  beforeAll(async () => {
    op = await startTestProvider(`${PUBLIC_URL}/auth/oidc/callback`);
    t = await startTestApp({
      PUBLIC_URL,
      REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER',
      ...oidcEnv(op, { OIDC_MFA_ACR_VALUES: 'urn:stadt:loa:hoch' }),
    });
    a = await anAlliance(t, {
      partners: { jc: { kind: 'JOBCENTER' } },
      users: {
        enrolled: { org: 'jc', roles: ['CASE_WORKER'] },
        fresh: { org: 'jc', roles: ['CASE_WORKER'] },
        fresh2: { org: 'jc', roles: ['CASE_WORKER'] },
      },
    });
    // `enrolled` sets up TOTP after a password sign-in, as the second-factor tests show.
    const pending = a.users.enrolled.token;
    const begun = await t.gql('mutation { beginSecondFactorEnrolment { secret } }', {}, pending);
    secret = begun.data.beginSecondFactorEnrolment.secret;
    const confirmed = await t.gql(
      'mutation($c: String!) { confirmSecondFactor(code: $c) }',
      { c: generateSync({ secret }) },
      pending,
    );
    expect(confirmed.errors).toBeUndefined();
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  it('a case worker with TOTP is asked for the code when the provider does not vouch for a second factor', async () => {
    const cw = a.users.enrolled;
    op.account({ email: cw.email, emailVerified: true, amr: ['pwd'] });
    const out = await signInThroughProvider(t, cw.email);
    expect(out.result).toBe('second-factor');
    expect(out.refreshCookie).toBeUndefined();
    expect(out.pendingCookie).toMatch(/^bp_oidc_pending=.+/);

    // Without the pending sign-in, or with a wrong code: refused.
    expect(codes(await complete(undefined, '123456'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await complete('bp_oidc_pending=forged', '123456'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await complete(out.pendingCookie, '000000'))).toEqual(['UNAUTHENTICATED']);
    const ok = await complete(
      out.pendingCookie,
      generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.completeSignIn.user.email).toBe(cw.email);
    expect(ok.data.completeSignIn.secondFactorEnrolmentRequired).toBe(false);
    expect(String(ok.setCookie)).toMatch(/bp_refresh=[^;]+; .*HttpOnly/);
    expect(
      (await t.gql('{ cases(first: 1) { totalCount } }', {}, ok.data.completeSignIn.accessToken)).errors,
    ).toBeUndefined();

    // Wrong codes count towards the same limit as after a password.
    await t.db.query('DELETE FROM account_attempts');
    const again = await signInThroughProvider(t, cw.email);
    for (let i = 0; i < 5; i++)
      expect(codes(await complete(again.pendingCookie, `99999${i}`))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await complete(again.pendingCookie, '123456'))).toEqual(['RATE_LIMITED']);
    await t.db.query('DELETE FROM account_attempts');
  });

  it('amr mfa (or a configured acr) is trusted for the second factor: signed in without a code', async () => {
    const cw = a.users.enrolled;
    op.account({ email: cw.email, emailVerified: true, amr: ['pwd', 'mfa'] });
    const mfa = await signInThroughProvider(t, cw.email);
    expect(mfa.result).toBe('signed-in');
    const session = await sessionOf(t, mfa.refreshCookie!);
    expect(session.data.secondFactorEnrolmentRequired).toBe(false);
    expect(
      (await t.gql('{ cases(first: 1) { totalCount } }', {}, session.data.accessToken)).errors,
    ).toBeUndefined();

    op.account({ email: cw.email, emailVerified: true, amr: ['pwd'], acr: 'urn:stadt:loa:hoch' });
    expect((await signInThroughProvider(t, cw.email)).result).toBe('signed-in');
    op.account({ email: cw.email, emailVerified: true, amr: ['pwd'], acr: 'urn:stadt:loa:niedrig' });
    expect((await signInThroughProvider(t, cw.email)).result).toBe('second-factor');
  });

  it('a case worker without TOTP: set-up only when the provider does not vouch, a full session when it does', async () => {
    op.account({ email: a.users.fresh.email, emailVerified: true, amr: ['pwd'] });
    const plain = await signInThroughProvider(t, a.users.fresh.email);
    expect(plain.result).toBe('signed-in');
    const limited = await sessionOf(t, plain.refreshCookie!);
    expect(limited.data.secondFactorEnrolmentRequired).toBe(true);
    expect(codes(await t.gql('{ alliances { id } }', {}, limited.data.accessToken))).toEqual([
      'SECOND_FACTOR_REQUIRED',
    ]);

    op.account({ email: a.users.fresh2.email, emailVerified: true, amr: ['hwk'] });
    const trusted = await signInThroughProvider(t, a.users.fresh2.email);
    const full = await sessionOf(t, trusted.refreshCookie!);
    expect(full.data.secondFactorEnrolmentRequired).toBe(false);
    expect((await t.gql('{ alliances { id } }', {}, full.data.accessToken)).errors).toBeUndefined();
  });
});
