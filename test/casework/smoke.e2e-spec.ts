import { startTestApp, type TestApp } from '../utils/test-app.js';
import { casework, CASE_FIELDS, fullCaseInput, handedOver } from './helpers.js';

describe('casework smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('opens, hands over and reads a case', async () => {
    const a = await casework(t);
    const h = await handedOver(t, a, { givenName: 'Amal', familyName: 'Haddad' });
    const own = await t.gql(
      `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} consents { id status } handovers { id status accessActive } } }`,
      { id: h.caseId },
      a.users.kim.token,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.case.identity.familyName).toBe('Haddad');
    const jc = await t.gql(
      `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} consents { id status } handovers { id status accessActive } } }`,
      { id: h.caseId },
      a.users.jc.token,
    );
    expect(jc.errors).toBeUndefined();
    expect(jc.data.case.visibleCategories).toEqual(['IDENTITY', 'LANGUAGE', 'EDUCATION_EMPLOYMENT']);
    expect(jc.data.case.contact).toBeNull();
    expect(jc.data.case.identity.familyName).toBe('Haddad');
    void fullCaseInput;
  });
});
