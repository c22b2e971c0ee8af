import { generateSync } from 'otplib';
import request from 'supertest';
import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const LOGIN = `mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, code: $c) {
  accessToken refreshToken secondFactorEnrolmentRequired idleTimeoutSeconds } }`;
const BEGIN = 'mutation { beginSecondFactorEnrolment { secret } }';
const CONFIRM = 'mutation($c: String!) { confirmSecondFactor(code: $c) }';
const RESET = 'mutation($u: ID!) { resetSecondFactor(userId: $u) { id totpEnabledAt } }';
const RESET_OWN = 'mutation($c: String!) { resetOwnSecondFactor(code: $c) }';
const UPDATE_ORG = `mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) {
  id name shortName kind legalDomains } }`;
const PERMISSIONS = `query($a: ID!) { alliance(id: $a) { viewerPermissions {
  updateSettings setPublicRecord managePartners manageMembers } } }`;

describe('people: administration (organisations, second-factor resets, permissions)', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let b: BuiltAlliance;
  let ip = 0;
  const login = async (email: string, code?: string) => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', `10.9.0.${++ip}`)
      .send({ query: LOGIN, variables: { e: email, p: PASSWORD, c: code } });
    return { data: res.body.data, errors: res.body.errors } as any;
  };
  /** Sets up TOTP for the user; answers the secret and the recovery codes. */
  const enrol = async (email: string) => {
    const token = (await login(email)).data.login.accessToken;
    const secret = (await t.gql(BEGIN, {}, token)).data.beginSecondFactorEnrolment.secret;
    const recovery: string[] = (await t.gql(CONFIRM, { c: generateSync({ secret }) }, token)).data
      .confirmSecondFactor;
    return { token, secret, recovery };
  };
  const audit = async (action: string, entityId: string) =>
    (
      await t.db.query(
        'SELECT actor_id, changed_fields, alliance_id FROM audit_entries WHERE action = $1 AND entity_id = $2 ORDER BY sequence',
        [action, entityId],
      )
    ).rows;

  beforeAll(async () => {
    t = await startTestApp({ REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER' });
    a = await anAlliance(t, {
      partners: { city: {}, jc: { kind: 'JOBCENTER' } },
      users: {
        admin: { org: 'city', roles: ['ALLIANCE_ADMIN'] },
        member: { org: 'jc', roles: ['MEMBER'] },
        cw: { org: 'jc', roles: ['CASE_WORKER'] },
        cw2: { org: 'jc', roles: ['CASE_WORKER'] },
      },
    });
    b = await anAlliance(t, {
      partners: { x: {} },
      users: { admin: { org: 'x', roles: ['ALLIANCE_ADMIN'] } },
    });
  });
  afterAll(() => t.close());

  it('the sign-in tells the client the idle timeout (SESSION_IDLE_MINUTES, 30 by default)', async () => {
    expect((await login(a.users.member.email)).data.login.idleTimeoutSeconds).toBe(1800);
  });

  it('viewerPermissions answers what the caller may administer, by the same rule as the operations', async () => {
    const all = { updateSettings: true, setPublicRecord: true, managePartners: true, manageMembers: true };
    const none = {
      updateSettings: false,
      setPublicRecord: false,
      managePartners: false,
      manageMembers: false,
    };
    const of = async (token: string) =>
      (await t.gql(PERMISSIONS, { a: a.allianceId }, token)).data.alliance.viewerPermissions;
    expect(await of(a.users.admin.token)).toEqual(all);
    expect(await of(await t.adminToken())).toEqual(all);
    expect(await of(a.users.member.token)).toEqual(none);
    // What the permissions promise holds: the member is refused, the administrator is not.
    const q = 'mutation($id: ID!) { updateAlliance(id: $id, input: { quorumShare: 0.6 }) { quorumShare } }';
    expect(codes(await t.gql(q, { id: a.allianceId }, a.users.member.token))).toEqual(['FORBIDDEN']);
    expect((await t.gql(q, { id: a.allianceId }, a.users.admin.token)).data.updateAlliance.quorumShare).toBe(
      0.6,
    );
  });

  it('updateOrganisation: the platform administrator and the partner alliance’s administrator edit; others are refused', async () => {
    const org = a.orgs.jc;
    const admin = await t.adminToken();
    const res = await t.gql(
      UPDATE_ORG,
      {
        id: org,
        i: { name: 'Jobcenter Krefeld (neu)', shortName: 'JC', legalDomains: ['SGB_II', 'SGB_II'] },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateOrganisation).toMatchObject({
      name: 'Jobcenter Krefeld (neu)',
      shortName: 'JC',
      kind: 'JOBCENTER',
      legalDomains: ['SGB_II'],
    });
    const byAdmin = await t.gql(UPDATE_ORG, { id: org, i: { shortName: null } }, a.users.admin.token);
    expect(byAdmin.data.updateOrganisation.shortName).toBeNull();

    // The administrator of another alliance, and a member, do not reach it.
    expect(codes(await t.gql(UPDATE_ORG, { id: org, i: { name: 'X' } }, b.users.admin.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(UPDATE_ORG, { id: org, i: { name: 'X' } }, a.users.member.token))).toEqual([
      'NOT_FOUND',
    ]);
    // Bad input names the field and writes nothing.
    const taken = await t.gql(UPDATE_ORG, { id: org, i: { name: 'jc-unused' } }, admin);
    expect(taken.errors).toBeUndefined();
    const cityName = (
      await t.gql(
        'query($id: ID!) { alliance(id: $id) { partners { organisation { id name } } } }',
        { id: a.allianceId },
        admin,
      )
    ).data.alliance.partners.find((p: any) => p.organisation.id === a.orgs.city).organisation.name;
    const dup = await t.gql(UPDATE_ORG, { id: org, i: { name: cityName.toUpperCase() } }, admin);
    expect(codes(dup)).toEqual(['BAD_USER_INPUT']);
    expect(dup.errors![0].extensions!.fields![0].path).toBe('input.name');
    const blank = await t.gql(UPDATE_ORG, { id: org, i: { name: '  ' } }, admin);
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    const now = await t.db.query('SELECT name FROM organisations WHERE id = $1', [org]);
    expect(now.rows[0].name).toBe('jc-unused');

    const entries = await audit('updateOrganisation', org);
    expect(entries.map((e) => e.changed_fields)).toEqual([
      ['legalDomains', 'name', 'shortName'],
      ['shortName'],
      ['name'],
    ]);
    expect(entries[1].alliance_id).toBe(a.allianceId);
  });

  it('an administrator resets a case worker’s second factor: sessions end, the next sign-in sets it up again', async () => {
    const cw = a.users.cw;
    const { secret } = await enrol(cw.email);
    const signedIn = await login(
      cw.email,
      generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }),
    );
    expect(signedIn.errors).toBeUndefined();
    const session = signedIn.data.login.accessToken;
    expect((await t.gql('{ me { id } }', {}, session)).errors).toBeUndefined();

    // Refusals first: nothing changes.
    expect(codes(await t.gql(RESET, { u: cw.id }, b.users.admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESET, { u: cw.id }, a.users.member.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESET, { u: 'nope' }, a.users.admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESET, { u: a.users.admin.id }, a.users.admin.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await t.gql(RESET, { u: a.users.member.id }, a.users.admin.token))).toEqual(['CONFLICT']);
    expect((await t.gql('{ me { totpEnabledAt } }', {}, session)).data.me.totpEnabledAt).not.toBeNull();

    const res = await t.gql(RESET, { u: cw.id }, a.users.admin.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.resetSecondFactor.totpEnabledAt).toBeNull();
    expect(codes(await t.gql('{ me { id } }', {}, session))).toEqual(['UNAUTHENTICATED']);
    const left = await t.db.query(
      `SELECT (SELECT count(*) FROM recovery_codes WHERE user_id = $1)::int AS codes,
              (SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NULL)::int AS sessions,
              (SELECT totp_secret FROM users WHERE id = $1) AS secret`,
      [cw.id],
    );
    expect(left.rows[0]).toEqual({ codes: 0, sessions: 0, secret: null });
    const again = await login(cw.email);
    expect(again.errors).toBeUndefined();
    expect(again.data.login.secondFactorEnrolmentRequired).toBe(true);
    expect(await audit('resetSecondFactor', cw.id)).toEqual([
      {
        actor_id: a.users.admin.id,
        changed_fields: ['recoveryCodes', 'totpSecret'],
        alliance_id: a.allianceId,
      },
    ]);
  });

  it('a user resets their own second factor with a recovery code; a wrong code is refused and counted', async () => {
    const cw = a.users.cw2;
    const { recovery, secret } = await enrol(cw.email);
    const other = (await login(cw.email, generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })))
      .data.login.accessToken;
    const mine = (await login(cw.email, recovery[0])).data.login.accessToken;

    expect(codes(await t.gql(RESET_OWN, { c: '000000' }, mine))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(RESET_OWN, { c: recovery[0] }, mine))).toEqual(['BAD_USER_INPUT']);
    const attempts = await t.db.query("SELECT count(*)::int AS n FROM account_attempts WHERE kind = 'totp'");
    expect(attempts.rows[0].n).toBeGreaterThanOrEqual(2);
    expect((await t.gql('{ me { totpEnabledAt } }', {}, mine)).data.me.totpEnabledAt).not.toBeNull();

    const res = await t.gql(RESET_OWN, { c: recovery[1] }, mine);
    expect(res.errors).toBeUndefined();
    expect(res.data.resetOwnSecondFactor).toBe(true);
    // The other session ended; this one may only set the second factor up again (a case worker).
    expect(codes(await t.gql('{ me { id } }', {}, other))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql('{ alliances { id } }', {}, mine))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect((await t.gql(BEGIN, {}, mine)).errors).toBeUndefined();
    // Until then nothing else, not even another reset; someone without a second factor: CONFLICT.
    expect(codes(await t.gql(RESET_OWN, { c: recovery[2] }, mine))).toEqual(['SECOND_FACTOR_REQUIRED']);
    expect(codes(await t.gql(RESET_OWN, { c: '123456' }, a.users.member.token))).toEqual(['CONFLICT']);
    expect((await audit('resetSecondFactor', cw.id))[0]).toEqual({
      actor_id: cw.id,
      changed_fields: ['recoveryCodes', 'totpSecret'],
      alliance_id: null,
    });
  });

  it('a deactivated account is told so at sign-in (only with the right password), to ask the administration', async () => {
    const email = a.users.member.email;
    await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      { id: a.users.member.id },
      a.users.admin.token,
    );
    const refused = await login(email);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors[0].extensions.reason).toBe('ACCOUNT_DEACTIVATED');
    const wrong = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', '10.9.1.1')
      .send({ query: LOGIN, variables: { e: email, p: 'not-the-password-123' } });
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.body.errors[0].extensions.reason).toBeUndefined();
    await t.gql(
      'mutation($id: ID!) { reactivateUser(id: $id) { id } }',
      { id: a.users.member.id },
      a.users.admin.token,
    );
    expect((await login(email)).errors).toBeUndefined();
  });
});
