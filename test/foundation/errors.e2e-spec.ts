import request from 'supertest';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { captureLogs } from './log-capture.js';

describe('errors: contract codes, field paths, nothing internal reaches a client', () => {
  const logs = captureLogs('info');
  let t: TestApp;
  let a: BuiltAlliance;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    a = await anAlliance(t, { partners: { city: {} }, users: { mem: { org: 'city', roles: ['MEMBER'] } } });
  });
  afterAll(() => t.close());

  it('answers the contract codes: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT', async () => {
    expect(codes(await t.gql('{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(
      codes(
        await t.gql(
          'mutation { createAlliance(input: { name: "x", municipality: "y" }) { id } }',
          {},
          a.users.mem.token,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t.gql(
          'mutation { updateAlliance(id: "00000000-0000-4000-8000-000000000000", input: {}) { id } }',
          {},
          admin,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const bad = await t.gql('{ auditLog(first: 101) { totalCount } }', {}, admin);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fields).toEqual([
      { path: 'first', message: expect.any(String), rule: 'OUT_OF_RANGE' },
    ]);
    const cursor = await t.gql('{ auditLog(after: "not a cursor") { totalCount } }', {}, admin);
    expect(cursor.errors![0].extensions!.fields![0].path).toBe('after');
  });

  it('BAD_USER_INPUT lists every field by its dotted argument path (class-validator)', async () => {
    const res = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: 'not-an-email', displayName: '', organisationId: 'nope', password: 'short' } },
      admin,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toEqual([
      'input.email',
      'input.displayName',
      'input.organisationId',
      'input.password',
    ]);
    expect(
      res.errors![0].extensions!.fields!.every((f) => typeof f.message === 'string' && f.message.length > 0),
    ).toBe(true);
    // Each names the rule it broke, as a stable code a client maps to its own sentence.
    expect(res.errors![0].extensions!.fields!.map((f) => f.rule)).toEqual([
      'INVALID_EMAIL',
      'REQUIRED',
      'INVALID_VALUE',
      'LENGTH',
    ]);
    // One entry per field, however many of its constraints failed.
    expect(res.errors![0].extensions!.fields![1].message.split('; ').sort()).toEqual([
      'must be longer than or equal to 1 characters',
      'must not be blank',
    ]);
  });

  it('graphql-js input errors carry fields too, with argument paths also when the variable is named otherwise', async () => {
    // An enum value inside a list, deep in a variable named $x.
    const roles = await t.gql(
      'mutation($x: SetMembershipInput!) { setMembership(input: $x) { id } }',
      { x: { allianceId: a.allianceId, userId: a.users.mem.id, roles: ['MEMBER', 'KING'] } },
      admin,
    );
    expect(codes(roles)).toEqual(['BAD_USER_INPUT']);
    expect(roles.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.roles.1']);
    expect(roles.errors![0].extensions!.fields![0].rule).toBe('INVALID_VALUE');
    // A required input field left out.
    const missing = await t.gql(
      'mutation($x: CreateUserInput!) { createUser(input: $x) { id } }',
      { x: { email: 'a@b.de', organisationId: a.orgs.city, password: 'long-enough-password' } },
      admin,
    );
    expect(codes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.displayName']);
    expect(missing.errors![0].extensions!.fields![0].rule).toBe('REQUIRED');
    // A variable nested inside a literal object.
    const day = await t.gql(
      'mutation($id: ID!, $d: Date) { updatePartner(id: $id, input: { joinedOn: $d }) { id } }',
      { id: a.partners.city, d: '2026-02-30' },
      admin,
    );
    expect(codes(day)).toEqual(['BAD_USER_INPUT']);
    expect(day.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.joinedOn']);
    expect(day.errors![0].extensions!.fields![0].rule).toBe('INVALID_DATE');
    // A Date literal in the document.
    const literal = await t.gql(
      `mutation { updatePartner(id: "${a.partners.city}", input: { leftOn: "31.12.2026" }) { id } }`,
      {},
      admin,
    );
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(literal.errors![0].extensions!.fields).toEqual([
      { path: 'input.leftOn', message: 'Date must be a calendar day YYYY-MM-DD', rule: 'INVALID_DATE' },
    ]);
    // A variable of the wrong scalar type.
    const first = await t.gql('query($n: Int) { auditLog(first: $n) { totalCount } }', { n: 'many' }, admin);
    expect(codes(first)).toEqual(['BAD_USER_INPUT']);
    expect(first.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['first']);
  });

  it('an unexpected database error answers only "Internal server error" and a correlation id that the log names', async () => {
    await t.db.query('ALTER TABLE organisations RENAME COLUMN short_name TO short_name_renamed');
    let res: request.Response;
    try {
      res = await request(t.http)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${admin}`)
        .send({ query: '{ organisations(search: "Org") { id shortName } }' });
    } finally {
      await t.db.query('ALTER TABLE organisations RENAME COLUMN short_name_renamed TO short_name');
    }
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors;
    expect(error.message).toBe('Internal server error');
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'correlationId']);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId: requestId });
    const body = JSON.stringify(res.body);
    for (const leak of [
      'short_name',
      'SELECT',
      'does not exist',
      'QueryFailedError',
      ' at ',
      '.ts:',
      'postgres',
      'stack',
      '42703',
    ])
      expect(body).not.toContain(leak);

    const logged = logs.json().filter((l) => l.correlationId === requestId);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 50,
      msg: 'unexpected error',
      err: { type: 'QueryFailedError', sqlState: '42703' },
    });
    // The log keeps the stack, but neither the driver's message nor SQL parameters.
    expect(JSON.stringify(logged[0])).not.toContain('does not exist');
    expect(JSON.stringify(logged[0])).not.toContain('parameters');
  });

  it('returns x-request-id on every response, and keeps a well-formed incoming one', async () => {
    const own = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'abcdef12-trace-0001')
      .send({ query: '{ __typename }' });
    expect(own.headers['x-request-id']).toBe('abcdef12-trace-0001');
    const evil = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'bad id; DROP TABLE users')
      .send({ query: '{ __typename }' });
    expect(evil.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const health = await request(t.http).get('/health');
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('expected errors are not logged as faults', async () => {
    const before = logs.lines.length;
    await t.gql('{ me { id } }');
    await t.gql(
      'mutation { createAlliance(input: { name: "x", municipality: "y" }) { id } }',
      {},
      a.users.mem.token,
    );
    const faults = logs
      .json()
      .slice(before)
      .filter((l) => l.level >= 50);
    expect(faults).toEqual([]);
  });
});
