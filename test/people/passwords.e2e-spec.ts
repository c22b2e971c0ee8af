import request from 'supertest';
import { RESET_ANSWER_FLOOR_MS } from '../../libs/identity/src/index.js';
import { anAlliance, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { linkToken, TestSmtpServer } from '../utils/smtp.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) }';
const ME = '{ me { id } }';

describe('people: passwords', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let ip = 0;
  /** From its own network address, so the per-address limit of one test does not spill over. */
  const gqlFrom = async (
    query: string,
    variables: Record<string, unknown>,
    address = `10.9.0.${++ip}`,
    lang?: string,
  ) => {
    const req = request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', address);
    if (lang) req.set('accept-language', lang);
    const res = await req.send({ query, variables });
    return { data: res.body.data, errors: res.body.errors } as any;
  };

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' });
    a = await anAlliance(t, {
      partners: { p: {} },
      users: {
        u: { org: 'p', roles: ['MEMBER'] },
        v: { org: 'p', roles: ['MEMBER'] },
        w: { org: 'p', roles: ['MEMBER'] },
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('changePassword checks the current password and strength, and ends the other sessions only', async () => {
    const u = a.users.u;
    const other = await t.login(u.email, PASSWORD);
    const wrong = await t.gql(CHANGE, { c: 'not-my-password-1', n: 'Kastanienallee-Dreirad-48' }, u.token);
    expect(wrong.errors![0].extensions!.fields![0].path).toBe('currentPassword');
    const weak = await t.gql(CHANGE, { c: PASSWORD, n: 'Passwort12345' }, u.token);
    expect(weak.errors![0].extensions!.fields![0]).toMatchObject({ path: 'newPassword' });
    expect(weak.errors![0].extensions!.fields![0].message).toMatch(/zu leicht zu erraten/);
    const short = await t.gql(CHANGE, { c: PASSWORD, n: 'kurz' }, u.token);
    expect(short.errors![0].extensions!.fields![0].message).toMatch(/mindestens 12 Zeichen/);

    const ok = await t.gql(CHANGE, { c: PASSWORD, n: 'Kastanienallee-Dreirad-48' }, u.token);
    expect(ok.errors).toBeUndefined();
    expect((await t.gql(ME, {}, u.token)).errors).toBeUndefined();
    expect(codes(await t.gql(ME, {}, other))).toEqual(['UNAUTHENTICATED']);
    expect(await t.login(u.email, 'Kastanienallee-Dreirad-48')).toBeTruthy();
    const mail = await smtp.mailTo(u.email);
    expect(mail.subject).toMatch(/Passwort wurde geändert/);
    const audit = await t.db.query(
      `SELECT changed_fields FROM audit_entries WHERE action = 'changePassword' AND entity_id = $1`,
      [u.id],
    );
    expect(audit.rows).toEqual([{ changed_fields: ['password'] }]);
  });

  it('wrong current passwords are rate-limited', async () => {
    const w = a.users.w;
    for (let i = 0; i < 5; i++)
      await t.gql(CHANGE, { c: `wrong-password-${i}`, n: 'Pflaumenbaum-Gartenzaun-17' }, w.token);
    expect(codes(await t.gql(CHANGE, { c: PASSWORD, n: 'Pflaumenbaum-Gartenzaun-17' }, w.token))).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it('a reset link resets once, within an hour, and ends every session; English feedback on request', async () => {
    const v = a.users.v;
    const res = await gqlFrom(REQUEST, { e: v.email.toUpperCase() });
    expect(res).toEqual({ data: { requestPasswordReset: true }, errors: undefined });
    const mail = await smtp.mailTo(v.email);
    expect(mail.subject).toBe('Passwort zurücksetzen – Bündnisportal');
    expect(mail.text).toContain('/passwort-neu#token=');
    const token = linkToken(mail);

    const weak = await gqlFrom(RESET, { t: token, n: 'password12345' }, undefined, 'en-GB,en;q=0.9');
    expect(weak.errors[0].extensions.fields[0].message).toMatch(/^The password is too easy to guess/);
    expect(codes(await gqlFrom(RESET, { t: 'forged', n: 'Holunderbusch-Wetterhahn-62' }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const ok = await gqlFrom(RESET, { t: token, n: 'Holunderbusch-Wetterhahn-62' });
    expect(ok.errors).toBeUndefined();
    expect(codes(await t.gql(ME, {}, v.token))).toEqual(['UNAUTHENTICATED']);
    expect(await t.login(v.email, 'Holunderbusch-Wetterhahn-62')).toBeTruthy();
    const reused = await gqlFrom(RESET, { t: token, n: 'Noch-ein-anderes-Passwort-5' });
    expect(reused.errors[0].extensions.fields[0].path).toBe('token');

    // Expired after an hour.
    await gqlFrom(REQUEST, { e: v.email });
    await smtp.waitFor(() => smtp.to(v.email).length === 2);
    await t.db.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    );
    const expired = await gqlFrom(RESET, {
      t: linkToken(smtp.to(v.email)[1]),
      n: 'Noch-ein-anderes-Passwort-5',
    });
    expect(expired.errors[0].extensions.fields[0].path).toBe('token');
    const lifetime = await t.db.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS s FROM password_resets ORDER BY created_at LIMIT 1`,
    );
    expect(lifetime.rows[0].s).toBe(3600);
  });

  it('answers unknown addresses the same, in similar time, and rate-limits requests', async () => {
    const times = { known: [] as number[], unknown: [] as number[] };
    const known = (
      await anAlliance(t, { partners: { q: {} }, users: { k: { org: 'q', roles: ['MEMBER'] } } })
    ).users.k;
    for (let i = 0; i < 3; i++) {
      let s = performance.now();
      const r1 = await gqlFrom(REQUEST, { e: known.email });
      times.known.push(performance.now() - s);
      s = performance.now();
      const r2 = await gqlFrom(REQUEST, { e: `unbekannt-${i}@test.local` });
      times.unknown.push(performance.now() - s);
      expect(r2).toEqual(r1);
    }
    // Mail goes out through the outbox, so the answer does not wait for SMTP either way, and both
    // answers wait for the same floor: a known address cannot answer sooner than an unknown one.
    // (How close the two come is a matter of speed, not a test's: a machine-independent bound only.)
    for (const ms of [...times.known, ...times.unknown])
      expect(ms).toBeGreaterThanOrEqual(RESET_ANSWER_FLOOR_MS - 5);
    // Three per address asked for within 15 minutes, then RATE_LIMITED (for unknown ones alike).
    expect(codes(await gqlFrom(REQUEST, { e: known.email }))).toEqual(['RATE_LIMITED']);
    for (let i = 0; i < 3; i++) await gqlFrom(REQUEST, { e: 'niemand@test.local' });
    expect(codes(await gqlFrom(REQUEST, { e: 'niemand@test.local' }))).toEqual(['RATE_LIMITED']);
    // Ten per caller's address.
    for (let i = 0; i < 10; i++) await gqlFrom(REQUEST, { e: `viele-${i}@test.local` }, '10.8.8.8');
    expect(codes(await gqlFrom(REQUEST, { e: 'noch-einer@test.local' }, '10.8.8.8'))).toEqual([
      'RATE_LIMITED',
    ]);
    const mails = await t.db.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'passwordReset' AND recipient = $1`,
      [known.email],
    );
    expect(mails.rows[0].n).toBe(3);
  });

  it('a deactivated account gets no reset link', async () => {
    const user = (await anAlliance(t, { partners: { r: {} }, users: { d: { org: 'r', roles: ['MEMBER'] } } }))
      .users.d;
    await t.gql(
      'mutation($id: ID!) { deactivateUser(id: $id) { id } }',
      { id: user.id },
      await t.adminToken(),
    );
    expect((await gqlFrom(REQUEST, { e: user.email })).data.requestPasswordReset).toBe(true);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1', [
      user.id,
    ]);
    expect(rows.rows[0].n).toBe(0);
  });
});
