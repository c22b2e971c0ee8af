import { aMeetingAlliance, schedule } from './fixtures.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';

const SET_PUBLIC =
  'mutation($m: ID!, $p: Boolean!) { setMeetingPublic(meetingId: $m, public: $p) { id public } }';
const MAY = 'query($m: ID!) { meeting(id: $m) { viewerMaySetPublic } }';

describe('meetings: viewerMaySetPublic says who may use setMeetingPublic, by the same rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is true for the facilitator and coordinators, false for everyone else — and the mutation agrees', async () => {
    const a = await aMeetingAlliance(t);
    const meeting = await schedule(t, a);
    for (const [who, may] of [
      ['fac', true],
      ['coord', true],
      ['fac2', false],
      ['member', false],
      ['observer', false],
      ['admin', false],
    ] as const) {
      const token = a.users[who].token;
      const res = await t.gql(MAY, { m: meeting.id }, token);
      expect([who, res.data.meeting.viewerMaySetPublic]).toEqual([who, may]);
      const set = await t.gql(SET_PUBLIC, { m: meeting.id, p: true }, token);
      expect([who, set.errors ? codes(set) : 'ok']).toEqual([who, may ? 'ok' : ['FORBIDDEN']]);
    }
  });
});
