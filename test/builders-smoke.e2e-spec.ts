import { anAlliance } from './utils/builders.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

describe('test builders', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('builds an alliance whose members see it with their roles', async () => {
    const a = await anAlliance(t, {
      partners: { city: {}, jc: { kind: 'JOBCENTER' } },
      users: { coord: { org: 'city', roles: ['COORDINATOR'] }, cw: { org: 'jc', roles: ['CASE_WORKER'] } },
    });
    const res = await t.gql(
      'query($id: ID!) { alliance(id: $id) { partners { organisation { kind } } members { roles user { email } } } }',
      { id: a.allianceId },
      a.users.cw.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.alliance.partners.map((p: any) => p.organisation.kind)).toEqual([
      'CITY_DEPARTMENT',
      'JOBCENTER',
    ]);
    expect(res.data.alliance.members).toEqual([
      { roles: ['COORDINATOR'], user: { email: a.users.coord.email } },
      { roles: ['CASE_WORKER'], user: { email: a.users.cw.email } },
    ]);
  });
});
