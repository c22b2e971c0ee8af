import { anAlliance, PASSWORD } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const PAYLOAD = 'accessToken refreshToken user { email memberships { roles alliance { id } } }';

describe('session payloads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("login and refreshSession both read the payload's user as the user of the new session", async () => {
    const a = await anAlliance(t, {
      partners: { city: {} },
      users: { coord: { org: 'city', roles: ['COORDINATOR'] } },
    });
    const login = await t.gql(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${PAYLOAD} } }`,
      { e: a.users.coord.email, p: PASSWORD },
    );
    expect(login.errors).toBeUndefined();
    const expected = [{ roles: ['COORDINATOR'], alliance: { id: a.allianceId } }];
    expect(login.data.login.user.memberships).toEqual(expected);

    const refreshed = await t.gql(
      `mutation($r: String!) { refreshSession(refreshToken: $r) { ${PAYLOAD} } }`,
      { r: login.data.login.refreshToken },
    );
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data.refreshSession.user).toEqual({ email: a.users.coord.email, memberships: expected });
  });
});
