import { ADMIN, codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { sessionOf, signInThroughProvider } from '../utils/oidc-flow.js';
import { oidcEnv, startTestProvider, type TestProvider } from '../utils/oidc-provider.js';

const PUBLIC_URL = 'http://localhost:3000';

describe('people: password sign-in switched off (PASSWORD_SIGN_IN=false)', () => {
  let op: TestProvider;
  let t: TestApp;

  beforeAll(async () => {
    op = await startTestProvider(`${PUBLIC_URL}/auth/oidc/callback`);
    t = await startTestApp({ PUBLIC_URL, ...oidcEnv(op, { PASSWORD_SIGN_IN: 'false' }) });
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  it('the sign-in page is told to offer only the provider', async () => {
    const res = await t.gql('{ signInOptions { password identityProvider { displayName } } }');
    expect(res.data.signInOptions).toEqual({
      password: false,
      identityProvider: { displayName: 'Stadt-Login' },
    });
  });

  it('login refuses with PASSWORD_SIGN_IN_DISABLED, even with the right password, and counts no failure', async () => {
    const res = await t.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      {
        e: ADMIN.email,
        p: ADMIN.password,
      },
    );
    expect(codes(res)).toEqual(['PASSWORD_SIGN_IN_DISABLED']);
    expect(res.errors![0].message).toMatch(/sign in with Stadt-Login/);
    expect(res.data).toBeNull();
    expect((await t.db.query('SELECT count(*)::int AS n FROM login_failures')).rows[0].n).toBe(0);
    expect((await t.db.query('SELECT count(*)::int AS n FROM sessions')).rows[0].n).toBe(0);
  });

  it('setting a password through an invitation or a reset link is refused too', async () => {
    const accept = await t.gql(
      'mutation { acceptInvitation(token: "x", password: "Lindenblüte-Quartett-73") { accessToken } }',
    );
    expect(codes(accept)).toEqual(['PASSWORD_SIGN_IN_DISABLED']);
    expect(codes(await t.gql(`mutation { requestPasswordReset(email: "${ADMIN.email}") }`))).toEqual([
      'PASSWORD_SIGN_IN_DISABLED',
    ]);
    expect(
      codes(await t.gql('mutation { resetPassword(token: "x", newPassword: "Lindenblüte-Quartett-73") }')),
    ).toEqual(['PASSWORD_SIGN_IN_DISABLED']);
  });

  it('the platform administrator signs in through the provider', async () => {
    op.account({ email: ADMIN.email, emailVerified: true });
    const out = await signInThroughProvider(t, ADMIN.email);
    expect(out.result).toBe('signed-in');
    const session = await sessionOf(t, out.refreshCookie!);
    expect(session.data.user.email).toBe(ADMIN.email);
    expect(
      (await t.gql('{ me { platformAdmin } }', {}, session.data.accessToken)).data.me.platformAdmin,
    ).toBe(true);
  });
});
