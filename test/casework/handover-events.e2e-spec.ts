import { aMember, type BuiltAlliance, expectData } from '../utils/builders.js';
import { handoverEventsTrigger, registeredSubscriptions } from '../utils/subscriptions.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { listen, listening, redisForFanOut, subscribe, type Subscriber } from '../utils/ws-subscriber.js';
import { casework, fullCaseInput, openCase, recordConsent, REQUEST_HANDOVER } from './helpers.js';

const SUBSCRIPTION = 'subscription { handoverEvents { change handoverId caseId } }';
const CLIENT = { givenName: 'Zülfiye', familyName: 'Kapraunerova' };

const redis = await redisForFanOut();

describe('handoverEvents over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let a: BuiltAlliance;
  const subs: Subscriber[] = [];
  const open = (org: string, tokens: string[], app = t, u = url) =>
    listening(app, u, handoverEventsTrigger(org), tokens, SUBSCRIPTION, {}, subs);
  const events = (s: Subscriber) => s.events.map((e) => e.data.handoverEvents);

  /** An open case of kim with a consent naming jc and aa. */
  async function aCase(app = t, b = a) {
    const c = await openCase(app, b.users.kim.token, fullCaseInput(CLIENT));
    const consentId = await recordConsent(app, b.users.kim.token, {
      caseId: c.id,
      recipientIds: [b.orgs.jc, b.orgs.aa],
      categories: ['IDENTITY', 'LANGUAGE'],
    });
    return { caseId: c.id, consentId };
  }
  async function request(c: { caseId: string; consentId: string }, to: string, app = t, b = a) {
    const { requestHandover } = await expectData(
      app,
      REQUEST_HANDOVER,
      {
        i: {
          caseId: c.caseId,
          toOrganisationId: b.orgs[to],
          consentId: c.consentId,
          categories: ['LANGUAGE'],
        },
      },
      b.users.kim.token,
    );
    return requestHandover.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp();
    url = await listen(t);
    a = await casework(t);
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose().catch(() => undefined)));
    await t.close();
  });

  it('both organisations hear request, acceptance, completion and a consent withdrawal; a third does not', async () => {
    const [kim] = await open(a.orgs.kim, [a.users.kim2.token]);
    const [jc] = await open(a.orgs.jc, [a.users.jc.token]);
    const [aa] = await open(a.orgs.aa, [a.users.aa.token]);
    const c = await aCase();
    const h = await request(c, 'jc');
    await expectData(t, 'mutation($id: ID!) { acceptHandover(id: $id) { id } }', { id: h }, a.users.jc.token);
    await expectData(
      t,
      'mutation($id: ID!) { completeHandover(id: $id, outcome: "Vermittelt") { id } }',
      { id: h },
      a.users.jc.token,
    );
    const h2 = await request(c, 'jc');
    await expectData(
      t,
      'mutation($id: ID!) { acceptHandover(id: $id) { id } }',
      { id: h2 },
      a.users.jc.token,
    );
    await expectData(
      t,
      'mutation($id: ID!) { withdrawConsent(id: $id) { id } }',
      { id: c.consentId },
      a.users.kim.token,
    );
    // A sentinel for aa: once it heard its own request, jc's events would have reached it before.
    const other = await aCase();
    const h3 = await request(other, 'aa');
    await Promise.all([kim.next(7), jc.next(5), aa.next(1)]);
    const expected = [
      { change: 'REQUESTED', handoverId: h, caseId: c.caseId },
      { change: 'ACCEPTED', handoverId: h, caseId: c.caseId },
      { change: 'COMPLETED', handoverId: h, caseId: c.caseId },
      { change: 'REQUESTED', handoverId: h2, caseId: c.caseId },
      { change: 'ACCEPTED', handoverId: h2, caseId: c.caseId },
      { change: 'CONSENT_WITHDRAWN', handoverId: h2, caseId: c.caseId },
    ];
    expect(events(jc)).toEqual(expected);
    expect(events(kim)).toEqual([...expected, { change: 'REQUESTED', handoverId: h3, caseId: other.caseId }]);
    expect(events(aa)).toEqual([{ change: 'REQUESTED', handoverId: h3, caseId: other.caseId }]);
    // Ids only: nothing of the client travels in an event.
    const sent = JSON.stringify([kim.events, jc.events, aa.events]);
    for (const value of [CLIENT.givenName, CLIENT.familyName, 'Vermittelt'])
      expect(sent).not.toContain(value);
  });

  it('declined and cancelled handovers are announced too; a rolled-back request is not', async () => {
    const [jc] = await open(a.orgs.jc, [a.users.jc.token]);
    const c = await aCase();
    const h = await request(c, 'jc');
    await expectData(
      t,
      'mutation($id: ID!) { declineHandover(id: $id, reason: "Keine Kapazität") { id } }',
      { id: h },
      a.users.jc.token,
    );
    // Not covered by the consent: CONSENT_REQUIRED, nothing written, nothing announced.
    const refused = await t.gql(
      REQUEST_HANDOVER,
      {
        i: { caseId: c.caseId, toOrganisationId: a.orgs.jc, consentId: c.consentId, categories: ['HEALTH'] },
      },
      a.users.kim.token,
    );
    expect(refused.errors![0].extensions!.code).toBe('CONSENT_REQUIRED');
    const h2 = await request(c, 'jc');
    await expectData(
      t,
      'mutation($id: ID!) { cancelHandover(id: $id) { id } }',
      { id: h2 },
      a.users.kim.token,
    );
    await jc.next(4);
    expect(events(jc).map((e) => [e.change, e.handoverId])).toEqual([
      ['REQUESTED', h],
      ['DECLINED', h],
      ['REQUESTED', h2],
      ['CANCELLED', h2],
    ]);
  });

  it('only CASE_WORKERs may subscribe; one who loses the role hears nothing more (complete)', async () => {
    const registered = registeredSubscriptions(t, handoverEventsTrigger(a.orgs.jc)).length;
    const member = subscribe(url, { token: a.users.jcMember.token }, SUBSCRIPTION);
    subs.push(member);
    await member.next(1);
    expect(member.errors).toEqual([
      [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
    ]);
    expect(registeredSubscriptions(t, handoverEventsTrigger(a.orgs.jc))).toHaveLength(registered);
    const leaving = await aMember(t, a.allianceId, a.orgs.jc, ['CASE_WORKER']);
    const [staying, removed] = await open(a.orgs.jc, [a.users.jc.token, leaving.token]);
    const c = await aCase();
    await request(c, 'jc');
    await Promise.all([staying.next(1), removed.next(1)]);
    await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: a.allianceId, userId: leaving.id, roles: ['MEMBER'] } },
      await t.adminToken(),
    );
    await request(c, 'jc');
    await Promise.all([staying.next(2), removed.next(2)]);
    expect(staying.events).toHaveLength(2);
    expect(removed.events).toHaveLength(1);
    expect(removed.completed).toBe(true);
    expect(member.events).toEqual([]);
  });

  (redis.run ? it : it.skip)(
    'fans out through Redis: a request on one instance reaches the other',
    async () => {
      if (!redis.url) throw new Error(`REQUIRE_REDIS=1, but ${redis.missing}`);
      const first = await startTestApp({ REDIS_URL: redis.url });
      const second = await startTestApp({ DATABASE_URL: first.databaseUrl, REDIS_URL: redis.url });
      try {
        const secondUrl = await listen(second);
        const b = await casework(first);
        const [s] = await open(b.orgs.jc, [b.users.jc.token], second, secondUrl);
        const c = await aCase(first, b);
        const h = await request(c, 'jc', first, b);
        await s.next(1);
        expect(events(s)).toEqual([{ change: 'REQUESTED', handoverId: h, caseId: c.caseId }]);
        await s.dispose();
      } finally {
        await second.close();
        await first.close();
      }
    },
  );
});
