import request from 'supertest';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { sessionOf, signInThroughProvider } from '../utils/oidc-flow.js';
import { oidcEnv, startTestProvider, type TestProvider } from '../utils/oidc-provider.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const PUBLIC_URL = 'http://localhost:3000';
const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`;

describe('people: sign-in through the identity provider (OpenID Connect)', () => {
  let op: TestProvider;
  let t: TestApp;
  let a: BuiltAlliance;
  const sessionsOf = async (userId: string) =>
    Number((await t.db.query('SELECT count(*) FROM sessions WHERE user_id = $1', [userId])).rows[0].count);

  beforeAll(async () => {
    op = await startTestProvider(`${PUBLIC_URL}/auth/oidc/callback`);
    t = await startTestApp({ PUBLIC_URL, ...oidcEnv(op) });
    a = await anAlliance(t, {
      partners: { city: {}, jc: { kind: 'JOBCENTER' } },
      users: {
        admin: { org: 'city', roles: ['ALLIANCE_ADMIN'] },
        member: { org: 'jc', roles: ['MEMBER'] },
        gone: { org: 'jc', roles: ['MEMBER'] },
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  it('tells the sign-in page to offer the provider beside the password', async () => {
    const res = await t.gql('{ signInOptions { password identityProvider { displayName startUrl } } }');
    expect(res.data.signInOptions).toEqual({
      password: true,
      identityProvider: { displayName: 'Stadt-Login', startUrl: '/auth/oidc/start' },
    });
  });

  it('the verified e-mail of an active member signs them in with the same kind of session as a password', async () => {
    op.account({ email: a.users.member.email.toUpperCase(), emailVerified: true });
    const before = await sessionsOf(a.users.member.id);
    const out = await signInThroughProvider(t, a.users.member.email);
    expect(out.result).toBe('signed-in');
    expect(out.refreshCookie).toMatch(/^bp_refresh=.+/);
    expect(out.cookies.get('bp_oidc_flow')).toBe('bp_oidc_flow='); // the flow cookie is cleared
    const session = await sessionOf(t, out.refreshCookie!);
    expect(session.errors).toBeUndefined();
    expect(session.data.user.email).toBe(a.users.member.email);
    expect(session.data.secondFactorEnrolmentRequired).toBe(false);
    const me = await t.gql('{ me { email } sessions { current } }', {}, session.data.accessToken);
    expect(me.data.me.email).toBe(a.users.member.email);
    expect(await sessionsOf(a.users.member.id)).toBe(before + 2); // signed in, then rotated once
    const audit = await t.db.query(
      `SELECT changed_fields FROM audit_entries WHERE action = 'loginWithIdentityProvider' AND actor_id = $1`,
      [a.users.member.id],
    );
    expect(audit.rows).toEqual([{ changed_fields: [] }]);
  });

  it('refuses unknown people, unverified e-mail and deactivated users, and opens no session', async () => {
    op.account({ email: 'niemand@stadt.test', emailVerified: true });
    expect((await signInThroughProvider(t, 'niemand@stadt.test')).result).toBe('unknown');
    expect((await t.db.query(`SELECT 1 FROM users WHERE lower(email) = 'niemand@stadt.test'`)).rowCount).toBe(
      0,
    );

    op.account({ email: a.users.admin.email, emailVerified: false });
    const before = await sessionsOf(a.users.admin.id);
    const unverified = await signInThroughProvider(t, a.users.admin.email);
    expect(unverified.result).toBe('unverified');
    expect(unverified.refreshCookie).toBeUndefined();
    expect(await sessionsOf(a.users.admin.id)).toBe(before);

    const gone = a.users.gone;
    const off = await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      { id: gone.id },
      await t.adminToken(),
    );
    expect(off.errors).toBeUndefined();
    op.account({ email: gone.email, emailVerified: true });
    const deactivated = await signInThroughProvider(t, gone.email);
    expect(deactivated.result).toBe('deactivated');
    expect(deactivated.refreshCookie).toBeUndefined();
  });

  it('accepts a pending invitation for that e-mail; an expired one is refused', async () => {
    const email = `eingeladen-${Date.now().toString(36)}@stadt.test`;
    const inv = await t.gql(
      INVITE,
      {
        i: {
          email,
          displayName: 'Erika Muster',
          organisationId: a.orgs.jc,
          allianceId: a.allianceId,
          roles: ['MEMBER'],
        },
      },
      a.users.admin.token,
    );
    expect(inv.errors).toBeUndefined();
    op.account({ email, emailVerified: true });
    const out = await signInThroughProvider(t, email);
    expect(out.result).toBe('signed-in');
    const session = await sessionOf(t, out.refreshCookie!);
    expect(session.data.user.email).toBe(email);
    const row = await t.db.query('SELECT accepted_at FROM invitations WHERE id = $1', [
      inv.data.inviteUser.id,
    ]);
    expect(row.rows[0].accepted_at).not.toBeNull();
    const audit = await t.db.query(
      `SELECT changed_fields FROM audit_entries WHERE action = 'acceptInvitation' AND entity_id = $1`,
      [inv.data.inviteUser.id],
    );
    expect(audit.rows).toEqual([{ changed_fields: ['acceptedAt'] }]);
    // The account is in use now: the next sign-in needs no invitation.
    expect((await signInThroughProvider(t, email)).result).toBe('signed-in');

    const late = `spaet-${Date.now().toString(36)}@stadt.test`;
    const lateInv = await t.gql(
      INVITE,
      {
        i: {
          email: late,
          displayName: 'Max Muster',
          organisationId: a.orgs.jc,
          allianceId: a.allianceId,
          roles: ['MEMBER'],
        },
      },
      a.users.admin.token,
    );
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      lateInv.data.inviteUser.id,
    ]);
    op.account({ email: late, emailVerified: true });
    expect((await signInThroughProvider(t, late)).result).toBe('invitation');
  });

  it('refuses a tampered state, a missing or forged flow cookie, and a provider refusal', async () => {
    op.account({ email: a.users.member.email, emailVerified: true });
    const before = await sessionsOf(a.users.member.id);
    const tampered = await signInThroughProvider(t, a.users.member.email, {
      alterCallback: (q) => q.set('state', `${q.get('state')}x`),
    });
    expect(tampered.result).toBe('state');
    expect((await signInThroughProvider(t, a.users.member.email, { flowCookie: () => null })).result).toBe(
      'expired',
    );
    const forged = await signInThroughProvider(t, a.users.member.email, {
      flowCookie: (c) => `${c.slice(0, -4)}AAAA`,
    });
    expect(forged.result).toBe('expired');
    // A code the provider never issued: the token exchange fails, nothing is signed in.
    const replay = await signInThroughProvider(t, a.users.member.email, {
      alterCallback: (q) => q.set('code', 'not-a-code'),
    });
    expect(replay.result).toBe('failed');
    expect(await sessionsOf(a.users.member.id)).toBe(before);
    // Someone unknown to the provider's own sign-in page: the provider refuses, the portal says so.
    expect((await signInThroughProvider(t, 'unbekannt@anderswo.test')).result).toBe('cancelled');
  });

  it('the start route answers 404 without a provider, and a start without one is not offered', async () => {
    const plain = await startTestApp({ DATABASE_URL: t.databaseUrl });
    try {
      expect((await request(plain.http).get('/auth/oidc/start')).status).toBe(404);
      const res = await plain.gql('{ signInOptions { password identityProvider { displayName } } }');
      expect(res.data.signInOptions).toEqual({ password: true, identityProvider: null });
    } finally {
      await plain.close();
    }
  });
});
