import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { IdempotencyService } from '../../libs/core/src/index.js';
import { aMember, type BuiltAlliance } from '../utils/builders.js';
import { until } from '../utils/eventually.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aCoordinationAlliance } from '../coordination/helpers.js';

/**
 * Idempotent mutations: the same Idempotency-Key from the same user answers the first answer again
 * and writes nothing; the key commits with the write, so a commit whose answer was lost is known.
 */
const CREATE = `mutation($i: CreateTaskInput!) { createTask(input: $i) { id title version status leadPartner { id } } }`;

let t: TestApp;
let a: BuiltAlliance;

beforeAll(async () => {
  t = await startTestApp();
  a = await aCoordinationAlliance(t);
});
afterAll(() => t?.close());

function send(body: Record<string, unknown>, token: string, key?: string) {
  const req = request(t.http)
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`);
  if (key) req.set('idempotency-key', key);
  return req.send(body);
}

const createBody = (title: string) => ({
  query: CREATE,
  variables: { i: { allianceId: a.allianceId, title, leadPartnerId: a.partners.city } },
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.db.query(sql, params);
  return Number(rows[0].n);
}
const tasksTitled = (title: string) => count('SELECT count(*) AS n FROM tasks WHERE title = $1', [title]);
const auditEntries = () => count('SELECT count(*) AS n FROM audit_entries');

describe('Idempotency-Key', () => {
  it('answers a repeated request with the first answer, writing no row and no audit entry', async () => {
    const key = randomUUID();
    const title = `once ${key}`;
    const first = await send(createBody(title), a.users.coord.token, key);
    expect(first.body.errors).toBeUndefined();
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const audit = await auditEntries();

    const again = await send(createBody(title), a.users.coord.token, key);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual({ data: first.body.data });
    expect(await tasksTitled(title)).toBe(1);
    expect(await auditEntries()).toBe(audit);

    // Variables in another order are the same request.
    const { i } = createBody(title).variables;
    const reordered = {
      variables: { i: { leadPartnerId: i.leadPartnerId, title, allianceId: i.allianceId } },
    };
    const third = await send({ ...reordered, query: CREATE }, a.users.coord.token, key);
    expect(third.body).toEqual({ data: first.body.data });
    expect(await tasksTitled(title)).toBe(1);
  });

  it('keeps the stored answer unreadable without the key', async () => {
    const key = randomUUID();
    const title = `sealed ${key}`;
    await send(createBody(title), a.users.coord.token, key);
    const { rows } = await t.db.query('SELECT key_hash, answer FROM idempotency_keys');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key_hash).not.toContain(key);
      expect(Buffer.from(r.answer ?? []).toString('latin1')).not.toContain(title);
    }
  });

  it('keeps the keys of different users apart', async () => {
    const other = await aMember(t, a.allianceId, a.orgs.city, ['COORDINATOR']);
    const key = randomUUID();
    const title = `two users ${key}`;
    const mine = await send(createBody(title), a.users.coord.token, key);
    const theirs = await send(createBody(title), other.token, key);
    expect(mine.body.errors).toBeUndefined();
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.data.createTask.id).not.toBe(mine.body.data.createTask.id);
    expect(await tasksTitled(title)).toBe(2);
  });

  it('refuses the same key with a different request, writing nothing', async () => {
    const key = randomUUID();
    await send(createBody(`first ${key}`), a.users.coord.token, key);
    const audit = await auditEntries();
    const other = await send(createBody(`second ${key}`), a.users.coord.token, key);
    expect(other.body.data).toBeNull();
    expect(other.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.errors[0].message).toMatch(/new key/);
    expect(await tasksTitled(`second ${key}`)).toBe(0);
    expect(await auditEntries()).toBe(audit);
  });

  it('refuses a malformed key and a document with two mutation fields, before anything runs', async () => {
    const short = await send(createBody('short key'), a.users.coord.token, 'abc');
    expect(short.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'Idempotency-Key' }],
    });
    const two = await send(
      {
        query: `mutation($i: CreateTaskInput!) { a: createTask(input: $i) { id } b: createTask(input: $i) { id } }`,
        variables: createBody('two fields').variables,
      },
      a.users.coord.token,
      randomUUID(),
    );
    expect(two.body.data).toBeNull();
    expect(two.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'Idempotency-Key', message: expect.stringMatching(/exactly one mutation field/) }],
    });
    expect(await tasksTitled('short key')).toBe(0);
    expect(await tasksTitled('two fields')).toBe(0);
  });

  it('runs one of concurrent requests with the same key; the others replay it or get a retryable CONFLICT', async () => {
    const key = randomUUID();
    const title = `concurrent ${key}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send(createBody(title), a.users.coord.token, key)),
    );
    const ok = answers.filter((r) => !r.body.errors);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const ids = new Set(ok.map((r) => r.body.data.createTask.id));
    expect(ids.size).toBe(1);
    for (const r of answers.filter((x) => x.body.errors))
      expect(r.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(await tasksTitled(title)).toBe(1);
    // A retry after they all finished gets the one answer.
    const retry = await send(createBody(title), a.users.coord.token, key);
    expect(retry.body.data.createTask.id).toBe([...ids][0]);
  });

  it('forgets a key after IDEMPOTENCY_KEY_HOURS, and the sweep deletes it', async () => {
    const key = randomUUID();
    const title = `expiring ${key}`;
    await send(createBody(title), a.users.coord.token, key);
    await t.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE request_hash IN (
         SELECT request_hash FROM idempotency_keys ORDER BY created_at DESC LIMIT 1)`,
    );
    const expired = await count(
      `SELECT count(*) AS n FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`,
    );
    expect(expired).toBe(1);
    // Expired: the same request runs again.
    const again = await send(createBody(title), a.users.coord.token, key);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await tasksTitled(title)).toBe(2);

    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours'`);
    const before = await count('SELECT count(*) AS n FROM idempotency_keys');
    expect(await t.app.get(IdempotencyService).sweep()).toBe(before);
    expect(await count('SELECT count(*) AS n FROM idempotency_keys')).toBe(0);
  });
});

describe('Idempotency-Key after a fault', () => {
  it('a client cut off after sending gets the committed answer on retry, with exactly one row', async () => {
    const key = randomUUID();
    const title = `cut off ${key}`;
    const { port } = (await t.app.listen(0, '127.0.0.1')).address();
    const body = JSON.stringify(createBody(title));
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${a.users.coord.token}`,
          'idempotency-key': key,
        },
      });
      req.on('error', () => resolve());
      // The connection ends before any answer: the client never learns what happened.
      req.end(body, () => setImmediate(() => (req.destroy(), resolve())));
    });
    await until(
      async () =>
        (await count('SELECT count(*) AS n FROM idempotency_keys WHERE answer IS NOT NULL')) > 0 &&
        (await tasksTitled(title)) === 1,
      { what: 'the cut-off request to commit and keep its answer' },
    );
    const retry = await send(createBody(title), a.users.coord.token, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.data.createTask.title).toBe(title);
    expect(await tasksTitled(title)).toBe(1);
  });

  it('a commit whose answer could not be kept answers ALREADY_APPLIED on retry and writes nothing again', async () => {
    // The database refuses to keep the answer (a fault after the commit of the change and its key).
    await t.db.query(`
      CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'connection lost' USING ERRCODE = '08006'; END $$;
      CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION refuse_answer();
    `);
    try {
      const key = randomUUID();
      const title = `answer lost ${key}`;
      const first = await send(createBody(title), a.users.coord.token, key);
      // The client of the first attempt still got its answer; its retry does not know that.
      expect(first.body.errors).toBeUndefined();
      const audit = await auditEntries();
      const retry = await send(createBody(title), a.users.coord.token, key);
      expect(retry.body.data).toBeNull();
      expect(retry.body.errors[0].extensions).toEqual({
        code: 'ALREADY_APPLIED',
        entityType: 'Task',
        entityId: first.body.data.createTask.id,
      });
      expect(await tasksTitled(title)).toBe(1);
      expect(await auditEntries()).toBe(audit);
    } finally {
      await t.db.query('DROP TRIGGER refuse_answer ON idempotency_keys; DROP FUNCTION refuse_answer()');
    }
  });

  it('a change that rolled back leaves no key: the retry runs', async () => {
    const key = randomUUID();
    const title = `rolled back ${key}`;
    // A MEMBER of the job centre may not create a task led by the city: refused, nothing written.
    const refused = await send(createBody(title), a.users.member.token, key);
    expect(refused.body.errors[0].extensions.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(
      await count(
        "SELECT count(*) AS n FROM idempotency_keys WHERE created_at > now() - interval '1 minute' AND user_id = $1",
        [a.users.member.id],
      ),
    ).toBe(0);
  });
});
