import pg from 'pg';
import request from 'supertest';
import { anAlliance, PASSWORD } from '../utils/builders.js';
import { createTestDatabase, startTestApp, type TestApp } from '../utils/test-app.js';
import { captureLogs } from './log-capture.js';

describe('operations: health, readiness, structured logs without secrets', () => {
  const logs = captureLogs('info');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers 200 while the process lives', async () => {
    const res = await request(t.http).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 with the database reachable and every migration applied, 503 with one missing', async () => {
    const ok = await request(t.http).get('/ready');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'ready', database: 'ok', migrations: 'applied' });

    const [row] = (await t.db.query('SELECT * FROM migrations ORDER BY id DESC LIMIT 1')).rows;
    await t.db.query('DELETE FROM migrations WHERE id = $1', [row.id]);
    try {
      const pending = await request(t.http).get('/ready');
      expect(pending.status).toBe(503);
      expect(pending.body).toMatchObject({ status: 'unavailable' });
    } finally {
      await t.db.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        row.id,
        row.timestamp,
        row.name,
      ]);
    }
    expect((await request(t.http).get('/ready')).status).toBe(200);
  });

  it('GET /ready answers 503 when the database is gone; /health still 200', async () => {
    const url = await createTestDatabase();
    const doomed = await startTestApp({ DATABASE_URL: url });
    try {
      expect((await request(doomed.http).get('/ready')).status).toBe(200);
      await doomed.db.end();
      const admin = new pg.Client({ connectionString: process.env.BP_TEST_SERVER_URL });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      const gone = await request(doomed.http).get('/ready');
      expect(gone.status).toBe(503);
      expect(JSON.stringify(gone.body)).not.toMatch(/does not exist|terminat|postgres/i);
      expect((await request(doomed.http).get('/health')).status).toBe(200);
    } finally {
      doomed.db.end = async () => undefined;
      await doomed.close().catch(() => undefined);
    }
  });

  it('logs are JSON lines with request ids, and carry no password, token or e-mail address', async () => {
    const a = await anAlliance(t, {
      partners: { city: {} },
      users: { u: { org: 'city', roles: ['MEMBER'] } },
    });
    const email = a.users.u.email;
    const login = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query:
          'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }',
        variables: { e: email, p: PASSWORD },
      });
    const { accessToken, refreshToken } = login.body.data.login;
    const me = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${accessToken}`)
      .send({ query: '{ me { email } }' });
    expect(me.body.data.me.email).toBe(email);
    await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({
        query: 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }',
        variables: { r: refreshToken },
      });
    // A wrong password, and credentials in a (refused) GET query string.
    await request(t.http).post('/graphql').set('content-type', 'application/json').send({
      query:
        'mutation { login(email: "someone@test.local", password: "wrong-password-xyz") { accessToken } }',
    });
    await request(t.http)
      .get('/graphql')
      .query({ query: `mutation { login(email: "${email}", password: "${PASSWORD}") { accessToken } }` });

    const parsed = logs.json(); // throws if any line is not JSON
    expect(parsed.length).toBeGreaterThan(5);
    const requestLines = parsed.filter((l) => l.req && l.res);
    expect(requestLines.length).toBeGreaterThan(3);
    const meLine = requestLines.find((l) => l.req.id === me.headers['x-request-id']);
    expect(meLine).toMatchObject({
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
      level: 30,
    });
    expect(Object.keys(meLine!.req).sort()).toEqual(['id', 'method', 'url']);
    const text = logs.text();
    for (const secret of [
      PASSWORD,
      'wrong-password-xyz',
      accessToken,
      accessToken.split('.')[2],
      refreshToken,
      email,
      'someone@test.local',
      'Bearer',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
