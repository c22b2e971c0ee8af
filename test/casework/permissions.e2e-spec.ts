import { codes, type TestApp } from '../utils/test-app.js';
import { type BuiltAlliance } from '../utils/builders.js';
import { OPEN_CASE, withCaseworkApp } from './helpers.js';

describe('casework: caseworkPermissions says who may open a case, by the rule openCase checks', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  it('offers opening a case to case workers only; the others are refused by openCase itself', async () => {
    const input = { supportAreas: ['LANGUAGE'], identity: { givenName: 'Aya', familyName: 'Saleh' } };
    for (const [user, may] of [
      ['kim', true],
      ['jc', true],
      ['kimCoord', false],
      ['jcMember', false],
    ] as const) {
      const token = a.users[user].token;
      const res = await t.gql('{ caseworkPermissions { openCase } }', {}, token);
      expect([user, res.data.caseworkPermissions]).toEqual([user, { openCase: may }]);
      const opened = await t.gql(OPEN_CASE, { i: input }, token);
      expect([user, codes(opened)]).toEqual([user, may ? [] : ['FORBIDDEN']]);
    }
  });

  it('asks for a signed-in caller', async () => {
    const res = await t.gql('{ caseworkPermissions { openCase } }', {});
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});
