import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

describe('casework demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
  });
  afterAll(() => t.close());

  it('a fictional client handed over to the Jobcenter for employment and language, under a written consent in Arabic with an interpreter; a withdrawn consent on another case', async () => {
    const kim = await t.login('fallmanagement@demo.local', DEMO_PASSWORD);
    const jc = await t.login('jobcenter@demo.local', DEMO_PASSWORD);
    const own = await t.gql(
      `{ cases(first: 10) { edges { node { reference identity { familyName } consents { form informedInLanguage interpreterUsed status categories recipients { shortName } } handovers { status to { shortName } } } } } }`,
      {},
      kim,
    );
    expect(own.errors).toBeUndefined();
    const cases = own.data.cases.edges.map((e: any) => e.node);
    expect(cases).toHaveLength(2);
    expect(cases[0].reference).toMatch(/^KR-INT-\d{4}-00001$/);
    expect(cases[0].consents).toEqual([
      {
        form: 'WRITTEN',
        informedInLanguage: 'ar',
        interpreterUsed: true,
        status: 'ACTIVE',
        categories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
        recipients: [{ shortName: 'JC-KR' }],
      },
    ]);
    expect(cases[0].handovers).toEqual([{ status: 'ACCEPTED', to: { shortName: 'JC-KR' } }]);
    expect(cases[1].consents.map((k: any) => k.status)).toEqual(['WITHDRAWN']);

    const received = await t.gql(
      `{ cases(first: 10, filter: { handedOver: true }) { edges { node { reference visibleCategories identity { familyName } language { germanLevel } educationEmployment { jobWishes } } } } }`,
      {},
      jc,
    );
    expect(received.data.cases.edges).toEqual([
      {
        node: {
          reference: cases[0].reference,
          visibleCategories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
          identity: null,
          language: { germanLevel: 'B1' },
          educationEmployment: { jobWishes: ['IT-Support', 'Fachinformatikerin'] },
        },
      },
    ]);
    // Nobody else in the alliance sees a case.
    const coordinator = await t.login('koordination@demo.local', DEMO_PASSWORD);
    expect((await t.gql(`{ cases { totalCount } }`, {}, coordinator)).data.cases.totalCount).toBe(0);
  });
});
