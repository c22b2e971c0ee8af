import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { parse, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import request from 'supertest';
import { LIMITS } from '../../apps/api/src/graphql.config.js';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

/** The task board at the contract's maximum page size, every relation included. */
const TASK_BOARD = `query($a: ID!) { tasks(allianceId: $a, first: 100) { edges { cursor node { id title status priority dueOn version
  leadPartner { id organisation { id name shortName } } contributingPartners { id organisation { id name shortName } }
  assignee { id displayName } goal { id title } blockedBy { id title status } comments { id body createdAt author { id displayName } } } }
  pageInfo { hasNextPage endCursor } totalCount } }`;

function costOf(document: string): number {
  let cost = -1;
  const visitor = costLimitRule({
    maxCost: Number.MAX_SAFE_INTEGER,
    onAccept: [(_ctx: ValidationContext | null, { n }: { n: number }) => void (cost = n)],
  })({ getFragment: () => undefined } as never) as any;
  visitor.OperationDefinition.enter(parse(document).definitions[0] as OperationDefinitionNode);
  return cost;
}

/** 12 levels: createUser → memberships → alliance → members → user → … */
const DEEP =
  '{ memberships { alliance { members { user { memberships { alliance { members { user { memberships { alliance { id } } } } } } } } } } }';

describe('hardening: limits before execution, CSRF, production schema privacy, body limit, headers', () => {
  let t: TestApp;
  let admin: string;
  let a: BuiltAlliance;
  const orgCount = async (name: string) =>
    Number(
      (await t.db.query('SELECT count(*) FROM organisations WHERE name LIKE $1', [`${name}%`])).rows[0].count,
    );
  const userCount = async (email: string) =>
    Number((await t.db.query('SELECT count(*) FROM users WHERE email = $1', [email])).rows[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    a = await anAlliance(t, { partners: { city: {} } });
  });
  afterAll(() => t.close());

  it('a document deeper than 10 levels is GRAPHQL_VALIDATION_FAILED, and the mutation does not run', async () => {
    const create = (selection: string, email: string) =>
      t.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) ${selection} }`,
        { i: { email, displayName: 'Tief', organisationId: a.orgs.city, password: 'long-enough-password' } },
        admin,
      );
    const deep = await create(DEEP, 'deep@test.local');
    expect(deep.status).toBe(400);
    expect(codes(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(deep.errors![0].message).toMatch(/depth limit of 10/);
    expect(await userCount('deep@test.local')).toBe(0);
    // Ten levels are fine.
    const ten = await create(
      '{ memberships { alliance { members { user { memberships { alliance { members { user { id } } } } } } } } }',
      'ten@test.local',
    );
    expect(ten.errors).toBeUndefined();
  });

  it('more than 30 aliases are GRAPHQL_VALIDATION_FAILED, and nothing runs', async () => {
    const many = (n: number, prefix: string) =>
      Array.from(
        { length: n },
        (_, i) => `o${i}: createOrganisation(input: { name: "${prefix} ${i}", kind: OTHER }) { id }`,
      ).join('\n');
    const refused = await t.gql(`mutation { ${many(31, 'Alias31')} }`, {}, admin);
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors![0].message).toMatch(/Aliases limit of 30/);
    expect(await orgCount('Alias31')).toBe(0);
    const ok = await t.gql(`mutation { ${many(30, 'Alias30')} }`, {}, admin);
    expect(ok.errors).toBeUndefined();
    expect(await orgCount('Alias30')).toBe(30);
  });

  it(`a document above the cost limit (${LIMITS.cost}) is GRAPHQL_VALIDATION_FAILED, and nothing runs`, async () => {
    // Repeating a field costs without aliases or depth: 1.5 per id here.
    const ids = Array.from({ length: Math.ceil(LIMITS.cost / 1.5) + 10 }, () => 'id').join(' ');
    const refused = await t.gql(
      `mutation { createOrganisation(input: { name: "Teuer", kind: OTHER }) { ${ids} } }`,
      {},
      admin,
    );
    // (graphql-js may add "Validation aborted." after the refusal)
    expect([...new Set(codes(refused))]).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors![0].message).toMatch(/Cost limit/);
    expect(await orgCount('Teuer')).toBe(0);
    // Two wide audit pages nested three relations deep.
    const page =
      'auditLog(first: 100) { edges { node { actor { memberships { alliance { partners { organisation { id name } } members { user { id email displayName } } } } } } } }';
    const wide = await t.gql(`{ a: ${page} b: ${page} }`, {}, admin);
    expect(codes(wide)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('the cost limit admits the big legitimate queries of the contract', async () => {
    const board = costOf(TASK_BOARD);
    console.info(`cost of the task board with first: 100 = ${board} (limit ${LIMITS.cost})`);
    expect(board).toBeGreaterThan(LIMITS.cost / 4);
    expect(board).toBeLessThanOrEqual(LIMITS.cost);
    const res = await t.gql(TASK_BOARD, { a: a.allianceId }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.tasks.totalCount).toBe(0);
    // Other contexts' widest documents: the decision register, the meeting list, a case list.
    const others = [
      `query($a: ID!) { decisions(allianceId: $a, first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number title text outcome votesFor votesAgainst abstentions consensus recordedAt
        recordedBy { id displayName } meeting { id title startsAt } agendaItem { id title } amends { id number } amendedBy { id number }
        followUpTasks { id title status leadPartner { organisation { name } } assignee { displayName } } } } } }`,
      `query($a: ID!) { meetings(allianceId: $a) { id title kind status startsAt endsAt location quorate facilitator { displayName }
        invitedPartners { organisation { name } } agenda { position title presenter { organisation { name } } decisions { number title } }
        attendance { status partner { organisation { name } } attendees { displayName } } decisions { number title outcome followUpTasks { title } }
        minutes { status text approvedBy { displayName } } } }`,
      `query($a: ID!) { cases(first: 50) { totalCount edges { node { id reference status visibleCategories owner { name } caseWorker { displayName }
        identity { givenName familyName dateOfBirth } contact { phone email } language { germanLevel otherLanguages } residence { status permitValidUntil }
        handovers { status categories to { name } consent { id categories validUntil } } consents { id status categories recipients { name } } } } }
        tasks(allianceId: $a, first: 10) { totalCount } }`,
    ];
    for (const doc of others) {
      expect(costOf(doc)).toBeLessThanOrEqual(LIMITS.cost);
      const r = await t.gql(doc, { a: a.allianceId }, admin);
      expect(codes(r)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    }
    const audit = await t.gql(
      '{ auditLog(first: 100) { edges { node { id sequence at action entityType entityId changedFields actor { id displayName organisation { name } } } } totalCount } }',
      {},
      admin,
    );
    expect(audit.errors).toBeUndefined();
  });

  it('first above 100 is BAD_USER_INPUT', async () => {
    const res = await t.gql('{ auditLog(first: 101) { totalCount } }', {}, admin);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields![0].path).toBe('first');
    expect((await t.gql('{ auditLog(first: 100) { totalCount } }', {}, admin)).errors).toBeUndefined();
  });

  it('batched operations are refused (each would pass the limits on its own)', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('CSRF prevention: a GET or a text/plain POST without a preflight header is refused', async () => {
    const get = await request(t.http).get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    expect(get.text).toMatch(/Cross-Site Request Forgery/);
    const plain = await request(t.http)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ __typename }' }));
    expect(plain.status).toBe(400);
    expect(plain.text).toMatch(/Cross-Site Request Forgery/);
    const form = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('query=%7B__typename%7D');
    expect(form.status).toBe(400);
    // The same GET with the preflight header is served: CSRF is the only reason for the refusals.
    const preflighted = await request(t.http)
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ __typename }' });
    expect(preflighted.status).toBe(200);
    expect(preflighted.body.data).toEqual({ __typename: 'Query' });
  });

  it('the request body is limited to 1 MB (413), with the security headers on the refusal too', async () => {
    const big = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(big.status).toBe(413);
    expect(big.headers['x-request-id']).toBeDefined();
    expect(big.headers['x-content-type-options']).toBe('nosniff');
    const fits = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(900_000) } }));
    expect(fits.status).toBe(200);
  });

  it('sends helmet security headers and no X-Powered-By', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/object-src 'none'/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('outside production, introspection works and validation errors suggest names', async () => {
    const intro = await t.gql('{ __schema { queryType { name } } }', {}, admin);
    expect(intro.data.__schema.queryType.name).toBe('Query');
    const typo = await t.gql('{ alliancez { id } }', {}, admin);
    expect(typo.errors![0].message).toMatch(/Did you mean/);
    const enumTypo = await t.gql(
      'mutation($x: SetMembershipInput!) { setMembership(input: $x) { id } }',
      { x: { allianceId: 'x', userId: 'y', roles: ['MEMBR'] } },
      admin,
    );
    expect(enumTypo.errors![0].message).toMatch(/Did you mean the enum value "MEMBER"/);
  });

  describe('with NODE_ENV=production', () => {
    let p: TestApp;
    beforeAll(async () => {
      p = await startTestApp({ NODE_ENV: 'production', DATABASE_URL: t.databaseUrl });
    });
    afterAll(() => p.close());

    it('refuses introspection and suggests no names', async () => {
      expect(p.config.production).toBe(true);
      const token = await p.adminToken();
      const intro = await p.gql('{ __schema { queryType { name } } }', {}, token);
      expect(codes(intro)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(intro.data).toBeUndefined();
      const typeIntro = await p.gql('{ __type(name: "Case") { fields { name } } }', {}, token);
      expect(codes(typeIntro)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      for (const query of [
        '{ alliancez { id } }',
        '{ me { emial } }',
        'mutation { createOrganisation(input: { name: "x", kind: OTHR }) { id } }',
      ]) {
        const res = await p.gql(query, {}, token);
        expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        expect(res.errors![0].message).not.toMatch(/Did you mean/);
      }
      // Nor do input errors of variables (an enum value and a field name, both misspelt).
      const typo = await p.gql(
        'mutation($x: SetMembershipInput!) { setMembership(input: $x) { id } }',
        { x: { allianceId: 'x', userId: 'y', roles: ['MEMBR'], rolez: [] } },
        token,
      );
      expect([...new Set(codes(typo))]).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
      expect(typo.errors!.flatMap((e) => e.extensions!.fields!.map((f) => f.path)).sort()).toEqual([
        'input.roles.0',
        'input.rolez',
      ]);
      // The API itself still answers.
      expect((await p.gql('{ me { email } }', {}, token)).errors).toBeUndefined();
    });
  });
});
