import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { until } from '../utils/eventually.js';
import { linkToken, TestSmtpServer } from '../utils/smtp.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { id email status roles expiresAt sentCount
  organisation { id } alliance { id } invitedBy { id } } }`;
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) {
  accessToken user { email memberships { roles alliance { id } } } } }`;
const LIST = 'query($a: ID!) { invitations(allianceId: $a) { id email status sentCount } }';
const RESEND = 'mutation($id: ID!) { resendInvitation(id: $id) { id status sentCount } }';
const REVOKE = 'mutation($id: ID!) { revokeInvitation(id: $id) { id status } }';
const STRONG = 'Lindenblüte-Quartett-73';

describe('people: invitations by e-mail', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let b: BuiltAlliance;
  let n = 0;
  const address = () => `eingeladen-${Date.now().toString(36)}-${++n}@test.local`;
  const invite = (email: string, token: string, over: Record<string, unknown> = {}) =>
    t.gql(
      INVITE,
      {
        i: {
          email,
          displayName: 'Erika Muster',
          organisationId: a.orgs.jc,
          allianceId: a.allianceId,
          roles: ['MEMBER'],
          ...over,
        },
      },
      token,
    );

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_RETRY_DELAY_SECONDS: '1',
      PUBLIC_URL: 'https://portal.test',
    });
    a = await anAlliance(t, {
      partners: { city: {}, jc: { kind: 'JOBCENTER' }, old: { status: 'FORMER' } },
      users: { admin: { org: 'city', roles: ['ALLIANCE_ADMIN'] }, member: { org: 'jc', roles: ['MEMBER'] } },
    });
    b = await anAlliance(t, {
      partners: { x: {} },
      users: { admin: { org: 'x', roles: ['ALLIANCE_ADMIN'] } },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Waits (for the state, at most 20 s) until the outbox marked the mail to this address sent. */
  async function sentTo(email: string): Promise<void> {
    await until(
      async () => {
        const { rows } = await t.db.query(`SELECT status FROM mail_outbox WHERE recipient = $1`, [email]);
        return rows.length > 0 && rows.every((r: { status: string }) => r.status === 'SENT');
      },
      { what: `the mail to ${email} marked sent` },
    );
  }

  it('an alliance admin invites; the mail arrives with a one-time link; accepting sets the password and signs in', async () => {
    const email = address();
    const res = await invite(email, a.users.admin.token, { roles: ['CASE_WORKER', 'MEMBER'] });
    expect(res.errors).toBeUndefined();
    const inv = res.data.inviteUser;
    expect(inv).toMatchObject({ email, status: 'PENDING', sentCount: 1, alliance: { id: a.allianceId } });
    expect(inv.invitedBy.id).toBe(a.users.admin.id);
    const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await smtp.mailTo(email);
    expect(mail.subject).toMatch(/^Einladung zum Bündnisportal/);
    expect(mail.text).toContain('https://portal.test/einladung#token=');
    expect(mail.html).toContain('href="https://portal.test/einladung#token=');
    const token = linkToken(mail);
    // Stored only as a hash, and the delivered mail's body is not kept either: once the worker has
    // marked it sent (the SMTP server has it a moment before that), its body is gone.
    await sentTo(email);
    const stored = await t.db.query(
      `SELECT (SELECT count(*) FROM invitations WHERE token_hash = $1)::int AS plain,
              (SELECT count(*) FROM mail_outbox WHERE text_body LIKE '%' || $1 || '%' OR html_body LIKE '%' || $1 || '%')::int AS bodies`,
      [token],
    );
    expect(stored.rows[0]).toEqual({ plain: 0, bodies: 0 });

    // Not yet usable: no password.
    const before = await t.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      {
        e: email,
        p: STRONG,
      },
    );
    expect(codes(before)).toEqual(['UNAUTHENTICATED']);

    const weak = await t.gql(ACCEPT, { t: token, p: 'Passwort12345' });
    expect(codes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors![0].extensions!.fields![0].path).toBe('password');
    expect(weak.errors![0].extensions!.fields![0].message).toMatch(/zu leicht zu erraten/);

    const accepted = await t.gql(ACCEPT, { t: token, p: STRONG });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptInvitation.user.email).toBe(email);
    expect(accepted.data.acceptInvitation.user.memberships).toEqual([
      { roles: ['CASE_WORKER', 'MEMBER'], alliance: { id: a.allianceId } },
    ]);
    expect(await t.login(email, STRONG)).toBeTruthy();

    // Single use.
    const again = await t.gql(ACCEPT, { t: token, p: 'Ein-anderes-Passwort-99' });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0].extensions!.fields![0].path).toBe('token');

    // Audited with field names only.
    const audit = await t.db.query(
      `SELECT action, changed_fields FROM audit_entries WHERE action IN ('inviteUser', 'acceptInvitation') AND entity_id = $1 ORDER BY sequence`,
      [inv.id],
    );
    expect(audit.rows).toEqual([
      { action: 'inviteUser', changed_fields: ['displayName', 'email', 'organisationId', 'roles'] },
      { action: 'acceptInvitation', changed_fields: ['acceptedAt', 'password'] },
    ]);
  });

  it('forged, expired, resent and revoked links', async () => {
    expect(codes(await t.gql(ACCEPT, { t: 'forged-token-that-was-never-issued', p: STRONG }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const email = address();
    const { data } = await invite(email, a.users.admin.token, { language: 'en' });
    const first = linkToken(await smtp.mailTo(email));
    expect(smtp.to(email)[0].subject).toMatch(/^Invitation to the Bündnisportal/);
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      data.inviteUser.id,
    ]);
    expect(codes(await t.gql(ACCEPT, { t: first, p: STRONG }))).toEqual(['BAD_USER_INPUT']);
    const listed = await t.gql(LIST, { a: a.allianceId }, a.users.admin.token);
    expect(listed.data.invitations.find((i: any) => i.id === data.inviteUser.id).status).toBe('EXPIRED');

    const resent = await t.gql(RESEND, { id: data.inviteUser.id }, a.users.admin.token);
    expect(resent.data.resendInvitation).toMatchObject({ status: 'PENDING', sentCount: 2 });
    await smtp.waitFor(() => smtp.to(email).length === 2);
    const second = linkToken(smtp.to(email)[1]);
    expect(second).not.toBe(first);
    expect(codes(await t.gql(ACCEPT, { t: first, p: STRONG }))).toEqual(['BAD_USER_INPUT']);

    const revoked = await t.gql(REVOKE, { id: data.inviteUser.id }, a.users.admin.token);
    expect(revoked.data.revokeInvitation.status).toBe('REVOKED');
    expect(codes(await t.gql(ACCEPT, { t: second, p: STRONG }))).toEqual(['BAD_USER_INPUT']);
    const after = await t.gql(LIST, { a: a.allianceId }, a.users.admin.token);
    expect(after.data.invitations.map((i: any) => i.id)).not.toContain(data.inviteUser.id);
    expect(codes(await t.gql(RESEND, { id: data.inviteUser.id }, a.users.admin.token))).toEqual(['CONFLICT']);
  });

  it('refuses a non-admin, an admin of another alliance, non-partners and taken addresses; nothing is written', async () => {
    const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM invitations')).rows[0].n;
    const mails = async () => (await t.db.query('SELECT count(*)::int AS n FROM mail_outbox')).rows[0].n;
    const before = [await count(), await mails()];
    expect(codes(await invite(address(), a.users.member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await invite(address(), b.users.admin.token))).toEqual(['NOT_FOUND']);
    const former = await invite(address(), a.users.admin.token, { organisationId: a.orgs.old });
    expect(former.errors![0].extensions!.fields![0].path).toBe('input.organisationId');
    const foreign = await invite(address(), a.users.admin.token, { organisationId: b.orgs.x });
    expect(foreign.errors![0].extensions!.fields![0].path).toBe('input.organisationId');
    const taken = await invite(a.users.member.email, a.users.admin.token);
    expect(taken.errors![0].extensions!.fields![0].path).toBe('input.email');
    const noRoles = await invite(address(), a.users.admin.token, { roles: [] });
    expect(codes(noRoles)).toEqual(['BAD_USER_INPUT']);
    expect([await count(), await mails()]).toEqual(before);
    expect(codes(await t.gql(LIST, { a: a.allianceId }, b.users.admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(LIST, { a: a.allianceId }, a.users.member.token))).toEqual(['FORBIDDEN']);
  });

  it('the platform administrator invites into any alliance', async () => {
    const email = address();
    const res = await invite(email, await t.adminToken(), { roles: ['ALLIANCE_ADMIN'] });
    expect(res.errors).toBeUndefined();
    await smtp.mailTo(email);
  });

  it('deactivation ends sessions at once and refuses sign-in; reactivation allows it again', async () => {
    const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id deactivatedAt } }';
    const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) { id deactivatedAt } }';
    const user = (await anAlliance(t, { partners: { p: {} }, users: { u: { org: 'p', roles: ['MEMBER'] } } }))
      .users.u;
    // An admin of a different alliance does not administer this user.
    expect(codes(await t.gql(DEACTIVATE, { id: user.id }, a.users.admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(DEACTIVATE, { id: a.users.member.id }, b.users.admin.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(DEACTIVATE, { id: a.users.member.id }, a.users.member.token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(DEACTIVATE, { id: a.users.admin.id }, a.users.admin.token))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const member = a.users.member;
    const own = await t.login(member.email, PASSWORD);
    const res = await t.gql(DEACTIVATE, { id: member.id }, a.users.admin.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.deactivateUser.deactivatedAt).toBeTruthy();
    expect(codes(await t.gql('{ me { id } }', {}, own))).toEqual(['UNAUTHENTICATED']);
    const refused = await t.gql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      {
        e: member.email,
        p: PASSWORD,
      },
    );
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors![0].message).toMatch(/deactivated/);
    // History is kept: the membership and the user are still there.
    const kept = await t.db.query('SELECT count(*)::int AS n FROM memberships WHERE user_id = $1', [
      member.id,
    ]);
    expect(kept.rows[0].n).toBe(1);

    const back = await t.gql(REACTIVATE, { id: member.id }, a.users.admin.token);
    expect(back.data.reactivateUser.deactivatedAt).toBeNull();
    expect(await t.login(member.email, PASSWORD)).toBeTruthy();
    const audit = await t.db.query(
      `SELECT action, changed_fields, alliance_id FROM audit_entries WHERE entity_id = $1 AND action LIKE '%activateUser' ORDER BY sequence`,
      [member.id],
    );
    expect(audit.rows).toEqual([
      { action: 'deactivateUser', changed_fields: ['deactivatedAt'], alliance_id: a.allianceId },
      { action: 'reactivateUser', changed_fields: ['deactivatedAt'], alliance_id: a.allianceId },
    ]);
  });
});
