import { aMember, anAlliance, type BuiltAlliance, expectData, PASSWORD } from '../utils/builders.js';
import { meetingEventsTrigger, registeredSubscriptions } from '../utils/subscriptions.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { listen, listening, redisForFanOut, subscribe, type Subscriber } from '../utils/ws-subscriber.js';
import { aMeetingAlliance, decide, run, schedule } from './fixtures.js';

const SUBSCRIPTION = `subscription($m: ID!) { meetingEvents(meetingId: $m) {
  change meeting { id status quorate attendance { status } agenda { title } decisions { title } minutes { status } } } }`;
const ATTEND = 'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }';

const changes = (s: Subscriber) => s.events.map((e) => e.data.meetingEvents.change);

const redis = await redisForFanOut();

describe('meetingEvents over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  const subs: Subscriber[] = [];
  const open = (meetingId: string, tokens: string[], app = t, u = url) =>
    listening(app, u, meetingEventsTrigger(meetingId), tokens, SUBSCRIPTION, { m: meetingId }, subs);
  const attend = (meetingId: string, partner: string, status = 'PRESENT') =>
    expectData(t, ATTEND, { i: { meetingId, partnerId: a.partners[partner], status } }, a.users.fac.token);

  beforeAll(async () => {
    t = await startTestApp();
    url = await listen(t);
    a = await aMeetingAlliance(t);
    other = await anAlliance(t, {
      partners: { x: {} },
      users: { coord: { org: 'x', roles: ['COORDINATOR'] } },
    });
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose().catch(() => undefined)));
    await t.close();
  });

  it('members follow state, attendance and quorum, agenda, decisions and minutes after each commit', async () => {
    const m = await schedule(t, a);
    const [observer, member] = await open(m.id, [a.users.observer.token, a.users.memberB.token]);
    const fac = a.users.fac.token;
    // An event carries the meeting as it is when it is sent: to see each commit's quorum, the next
    // attendance is recorded only once both members have the previous event.
    const seen = (count: number) => Promise.all([observer, member].map((s) => s.next(count)));
    await run(t, fac, 'startMeeting', m.id);
    await seen(1);
    await attend(m.id, 'a');
    await seen(2);
    await attend(m.id, 'b');
    await seen(3);
    await attend(m.id, 'c');
    await seen(4);
    await expectData(
      t,
      'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
      { i: { meetingId: m.id, title: 'Sprachkurse' } },
      fac,
    );
    await decide(t, fac, m.id, { title: 'Kurse ausweiten' });
    await run(t, fac, 'adjournMeeting', m.id);
    await expectData(
      t,
      'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Protokoll") { status } }',
      { m: m.id },
      fac,
    );
    await expectData(t, 'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac);
    for (const s of [observer, member]) {
      await s.next(9);
      expect(s.errors).toEqual([]);
      expect(changes(s)).toEqual([
        'STATUS_CHANGED',
        'ATTENDANCE_CHANGED',
        'ATTENDANCE_CHANGED',
        'ATTENDANCE_CHANGED',
        'AGENDA_CHANGED',
        'DECISIONS_CHANGED',
        'STATUS_CHANGED',
        'MINUTES_CHANGED',
        'STATUS_CHANGED',
      ]);
      const meetings = s.events.map((e) => e.data.meetingEvents.meeting);
      expect(meetings[0]).toMatchObject({ id: m.id, status: 'IN_PROGRESS', quorate: false });
      // Quorum: more than half of the four invited partners present.
      expect(meetings.slice(1, 4).map((x) => [x.attendance.length, x.quorate])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect(meetings[4].agenda).toEqual([{ title: 'Sprachkurse' }]);
      expect(meetings[5].decisions).toEqual([{ title: 'Kurse ausweiten' }]);
      expect(meetings[7].minutes).toEqual({ status: 'DRAFT' });
      expect(meetings[8]).toMatchObject({ status: 'MINUTES_APPROVED', minutes: { status: 'APPROVED' } });
    }
  });

  it('only subscribers of that meeting hear it; another alliance cannot subscribe and hears nothing', async () => {
    const m1 = await schedule(t, a);
    const m2 = await schedule(t, a);
    const [one] = await open(m1.id, [a.users.member.token]);
    const [two] = await open(m2.id, [a.users.member.token]);
    const registered = registeredSubscriptions(t, meetingEventsTrigger(m1.id)).length;
    const intruder = subscribe(url, { token: other.users.coord.token }, SUBSCRIPTION, { m: m1.id });
    subs.push(intruder);
    await intruder.next(1);
    expect(intruder.errors).toEqual([
      [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
    ]);
    await run(t, a.users.fac.token, 'startMeeting', m1.id);
    await expectData(
      t,
      'mutation($id: ID!, $i: UpdateMeetingInput!) { updateMeeting(id: $id, input: $i) { id } }',
      { id: m2.id, i: { title: 'Umbenannt' } },
      a.users.coord.token,
    );
    // A sentinel on m1 after m2's change: once it arrived, an event of m2 would have arrived before it.
    await attend(m1.id, 'a');
    await Promise.all([one.next(2), two.next(1)]);
    expect(changes(one)).toEqual(['STATUS_CHANGED', 'ATTENDANCE_CHANGED']);
    expect(changes(two)).toEqual(['UPDATED']);
    expect(registeredSubscriptions(t, meetingEventsTrigger(m1.id))).toHaveLength(registered);
    expect(intruder.events).toEqual([]);
  });

  it('someone removed from the alliance, or signed out, hears nothing more: the subscription completes', async () => {
    const m = await schedule(t, a);
    const leaving = await aMember(t, a.allianceId, a.orgs.d, ['MEMBER']);
    const signingOut = await aMember(t, a.allianceId, a.orgs.d, ['MEMBER']);
    const session = (
      await t.gql(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }',
        { e: signingOut.email, p: PASSWORD },
      )
    ).data.login;
    const [staying, removed, loggedOut] = await open(m.id, [
      a.users.observer.token,
      leaving.token,
      session.accessToken,
    ]);
    await run(t, a.users.fac.token, 'startMeeting', m.id);
    await Promise.all([staying.next(1), removed.next(1), loggedOut.next(1)]);
    await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: a.allianceId, userId: leaving.id, roles: [] } },
      await t.adminToken(),
    );
    await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: session.refreshToken });
    await attend(m.id, 'b');
    await Promise.all([staying.next(2), removed.next(2), loggedOut.next(2)]);
    expect(changes(staying)).toEqual(['STATUS_CHANGED', 'ATTENDANCE_CHANGED']);
    for (const s of [removed, loggedOut]) {
      expect(s.completed).toBe(true);
      expect(s.errors).toEqual([]);
      expect(changes(s)).toEqual(['STATUS_CHANGED']);
    }
  });

  it('a change that is rolled back is never announced', async () => {
    const m = await schedule(t, a, { invitedPartnerIds: [a.partners.a, a.partners.b] });
    const [s] = await open(m.id, [a.users.coord.token]);
    await run(t, a.users.fac.token, 'startMeeting', m.id);
    // Not invited, and a follow-up task with an invalid lead partner: both fail inside the transaction.
    const refused = await t.gql(
      ATTEND,
      { i: { meetingId: m.id, partnerId: a.partners.c, status: 'PRESENT' } },
      a.users.fac.token,
    );
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const failed = await t.gql(
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }',
      {
        i: {
          meetingId: m.id,
          title: 'X',
          text: 'Y',
          outcome: 'ADOPTED',
          consensus: true,
          followUpTasks: [{ title: 'Z', leadPartnerId: other.partners.x }],
        },
      },
      a.users.fac.token,
    );
    expect(failed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    await attend(m.id, 'a');
    await s.next(2);
    expect(changes(s)).toEqual(['STATUS_CHANGED', 'ATTENDANCE_CHANGED']);
  });

  (redis.run ? it : it.skip)(
    'fans out through Redis: a change on one instance reaches a subscriber on the other',
    async () => {
      if (!redis.url) throw new Error(`REQUIRE_REDIS=1, but ${redis.missing}`);
      const first = await startTestApp({ REDIS_URL: redis.url });
      const second = await startTestApp({ DATABASE_URL: first.databaseUrl, REDIS_URL: redis.url });
      try {
        const secondUrl = await listen(second);
        const b = await aMeetingAlliance(first);
        const m = await schedule(first, b);
        const [s] = await listening(
          second,
          secondUrl,
          meetingEventsTrigger(m.id),
          [b.users.observer.token],
          SUBSCRIPTION,
          { m: m.id },
          subs,
        );
        await run(first, b.users.fac.token, 'startMeeting', m.id);
        await s.next(1);
        expect(s.errors).toEqual([]);
        expect(s.events.map((e) => e.data.meetingEvents)).toEqual([
          { change: 'STATUS_CHANGED', meeting: expect.objectContaining({ id: m.id, status: 'IN_PROGRESS' }) },
        ]);
        await s.dispose();
      } finally {
        await second.close();
        await first.close();
      }
    },
  );
});
