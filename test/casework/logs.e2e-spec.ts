import { configureLogger } from '../../libs/core/src/index.js';
import { startTestApp, codes, type TestApp } from '../utils/test-app.js';
import { casework, expectData, fullCaseInput, handedOver, openCase } from './helpers.js';

describe('casework: invariant 1 — no personal data in logs or error messages', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    configureLogger('debug', {
      write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)),
    });
    t = await startTestApp({ LOG_LEVEL: 'debug' });
  });
  afterAll(() => t.close());

  it('normal use, refused input, a failed disclosure write, a failed decryption and erasure log no client data', async () => {
    const a = await casework(t);
    const client = { givenName: 'Philippa', familyName: 'Gravesend' };
    const h = await handedOver(t, a, client, ['IDENTITY', 'LANGUAGE']);
    await t.gql(
      `query($id: ID!) { case(id: $id) { identity { familyName } language { note } } }`,
      { id: h.caseId },
      a.users.jc.token,
    );
    // Refused input that carries the name.
    const bad = await t.gql(
      `mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
      { i: { ...fullCaseInput(client), contact: { email: `${client.familyName}@@example` } } },
      a.users.kim.token,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(bad.body)).not.toMatch(/Gravesend|Philippa/);
    // A failing disclosure write.
    await t.db
      .query(`CREATE FUNCTION test_refuse_disclosure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'unavailable'; END $$;
      CREATE TRIGGER test_refuse_disclosure BEFORE INSERT ON disclosures FOR EACH ROW EXECUTE FUNCTION test_refuse_disclosure();`);
    const failed = await t.gql(
      `query($id: ID!) { case(id: $id) { identity { familyName } } }`,
      { id: h.caseId },
      a.users.jc.token,
    );
    await t.db.query(
      'DROP TRIGGER test_refuse_disclosure ON disclosures; DROP FUNCTION test_refuse_disclosure();',
    );
    expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    // A ciphertext that fails authentication.
    const other = await openCase(
      t,
      a.users.kim.token,
      fullCaseInput({ givenName: 'Philippa', familyName: 'Gravesend-Two' }),
    );
    await t.db.query(
      `UPDATE case_data SET ciphertext = ciphertext || '\\x00'::bytea WHERE case_id = $1 AND category = 'IDENTITY'`,
      [other.id],
    );
    const broken = await t.gql(
      `query($id: ID!) { case(id: $id) { identity { familyName } } }`,
      { id: other.id },
      a.users.kim.token,
    );
    expect(codes(broken)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(broken.body)).not.toMatch(/Gravesend|Philippa/);
    await expectData(
      t,
      `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
      { id: h.caseId },
      a.users.kim.token,
    );

    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10); // the capture works: requests and the errors were logged
    expect(text).toMatch(/unexpected error/);
    for (const secret of [client.givenName, client.familyName, 'integration course', 'asthma', '2151 000000'])
      expect(text).not.toContain(secret);
  });
});
