import { anAlliance, type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import {
  aMeetingAlliance,
  approvedMeeting,
  decide,
  MEETING_FIELDS,
  nextSlot,
  run,
  schedule,
} from './fixtures.js';

const STATUS = 'query($id: ID!) { meeting(id: $id) { status } }';

describe('meetings: lifecycle and who may run them', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aMeetingAlliance(t);
    other = await anAlliance(t, {
      partners: { x: {} },
      users: { coord: { org: 'x', roles: ['COORDINATOR'] } },
    });
  });
  afterAll(() => t.close());

  const status = async (id: string) => (await t.gql(STATUS, { id }, a.users.coord.token)).data.meeting.status;
  const op = (name: string, id: string, token: string) =>
    t.gql(`mutation($id: ID!) { ${name}(id: $id) { id status } }`, { id }, token);

  describe('lifecycle SCHEDULED → IN_PROGRESS → ADJOURNED → MINUTES_APPROVED', () => {
    it('walks through every state, recording when it started and ended', async () => {
      const m = await schedule(t, a);
      expect(m.status).toBe('SCHEDULED');
      const fac = a.users.fac.token;
      expect((await run(t, fac, 'startMeeting', m.id)).startMeeting.status).toBe('IN_PROGRESS');
      expect((await run(t, fac, 'adjournMeeting', m.id)).adjournMeeting.status).toBe('ADJOURNED');
      const saved = await expectData(
        t,
        'mutation($m: ID!, $x: String!) { saveMinutes(meetingId: $m, text: $x) { text status approvedAt approvedBy { id } } }',
        { m: m.id, x: '# Protokoll\n\nEntwurf' },
        fac,
      );
      expect(saved.saveMinutes).toEqual({
        text: '# Protokoll\n\nEntwurf',
        status: 'DRAFT',
        approvedAt: null,
        approvedBy: null,
      });
      const approved = await expectData(
        t,
        'mutation($m: ID!) { approveMinutes(meetingId: $m) { status approvedAt approvedBy { id } } }',
        { m: m.id },
        fac,
      );
      expect(approved.approveMinutes.status).toBe('APPROVED');
      expect(approved.approveMinutes.approvedBy.id).toBe(a.users.fac.id);
      const read = await t.gql(
        'query($id: ID!) { meeting(id: $id) { status startedAt adjournedAt minutes { status text } } }',
        { id: m.id },
        a.users.observer.token,
      );
      expect(read.data.meeting).toMatchObject({
        status: 'MINUTES_APPROVED',
        minutes: { status: 'APPROVED', text: '# Protokoll\n\nEntwurf' },
      });
      expect(read.data.meeting.startedAt).not.toBeNull();
      expect(read.data.meeting.adjournedAt).not.toBeNull();
    });

    it('answers CONFLICT for every transition the state does not allow, and changes nothing', async () => {
      const fac = a.users.fac.token;
      const m = await schedule(t, a);
      expect(codes(await op('adjournMeeting', m.id, fac))).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "x") { status } }',
            { m: m.id },
            fac,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql('mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac),
        ),
      ).toEqual(['CONFLICT']);
      expect(await status(m.id)).toBe('SCHEDULED');

      await run(t, fac, 'startMeeting', m.id);
      expect(codes(await op('startMeeting', m.id, fac))).toEqual(['CONFLICT']);
      expect(codes(await op('cancelMeeting', m.id, a.users.coord.token))).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "x") { status } }',
            { m: m.id },
            fac,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(await status(m.id)).toBe('IN_PROGRESS');

      await run(t, fac, 'adjournMeeting', m.id);
      expect(codes(await op('adjournMeeting', m.id, fac))).toEqual(['CONFLICT']);
      expect(codes(await op('startMeeting', m.id, fac))).toEqual(['CONFLICT']);
      // Approving needs minutes to approve.
      expect(
        codes(
          await t.gql('mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac),
        ),
      ).toEqual(['CONFLICT']);
      expect(await status(m.id)).toBe('ADJOURNED');
      const minutes = await t.gql(
        'query($id: ID!) { meeting(id: $id) { minutes { text } } }',
        { id: m.id },
        fac,
      );
      expect(minutes.data.meeting.minutes).toBeNull();
    });

    it('cancels only before the start; a cancelled meeting cannot start or change', async () => {
      const m = await schedule(t, a);
      const res = await t.gql(
        'mutation($id: ID!) { cancelMeeting(id: $id, reason: "Terminkollision") { status cancellationReason cancelledAt } }',
        { id: m.id },
        a.users.coord.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.cancelMeeting).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'Terminkollision',
      });
      expect(codes(await op('startMeeting', m.id, a.users.fac.token))).toEqual(['CONFLICT']);
      expect(codes(await op('cancelMeeting', m.id, a.users.coord.token))).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            'mutation($id: ID!) { updateMeeting(id: $id, input: { title: "Neu" }) { id } }',
            { id: m.id },
            a.users.coord.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(await status(m.id)).toBe('CANCELLED');
    });

    it('keeps an approved record final: meeting changes answer CONFLICT', async () => {
      const { meeting } = await approvedMeeting(t, a);
      const fac = a.users.fac.token;
      expect(
        codes(
          await t.gql(
            'mutation($id: ID!) { updateMeeting(id: $id, input: { title: "Neu" }) { id } }',
            { id: meeting.id },
            fac,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "anders") { status } }',
            { m: meeting.id },
            fac,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }',
            { m: meeting.id },
            fac,
          ),
        ),
      ).toEqual(['CONFLICT']);
      expect(codes(await op('cancelMeeting', meeting.id, a.users.coord.token))).toEqual(['CONFLICT']);
      const read = await t.gql(
        'query($id: ID!) { meeting(id: $id) { title minutes { text } } }',
        { id: meeting.id },
        fac,
      );
      expect(read.data.meeting).toEqual({
        title: 'Lenkungsgruppe',
        minutes: { text: '# Protokoll\n\nAlles beschlossen.' },
      });
    });
  });

  describe('who schedules', () => {
    it('a COORDINATOR schedules any meeting; a FACILITATOR only those they facilitate', async () => {
      const byCoord = await schedule(t, a, { facilitatorId: a.users.fac2.id });
      expect(byCoord.status).toBe('SCHEDULED');
      const own = await schedule(t, a, { facilitatorId: a.users.fac.id }, a.users.fac.token);
      expect(own.status).toBe('SCHEDULED');
      const foreign = await t.gql(
        `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`,
        {
          i: {
            allianceId: a.allianceId,
            title: 'AG',
            kind: 'WORKING_GROUP',
            ...nextSlot(),
            facilitatorId: a.users.fac2.id,
            invitedPartnerIds: [a.partners.a],
          },
        },
        a.users.fac.token,
      );
      expect(codes(foreign)).toEqual(['FORBIDDEN']);
    });

    it('refuses members, observers and alliance admins without a planning role (FORBIDDEN) and outsiders (NOT_FOUND)', async () => {
      const input = {
        allianceId: a.allianceId,
        title: 'AG',
        kind: 'WORKING_GROUP',
        ...nextSlot(),
        facilitatorId: a.users.fac.id,
        invitedPartnerIds: [a.partners.a],
      };
      const q = 'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }';
      for (const u of ['member', 'observer', 'admin'])
        expect(codes(await t.gql(q, { i: input }, a.users[u].token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(q, { i: input }, other.users.coord.token))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(q, { i: input }))).toEqual(['UNAUTHENTICATED']);
    });

    it('validates facilitator, invited partners and times by field', async () => {
      const q = 'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }';
      const base = {
        allianceId: a.allianceId,
        title: 'AG',
        kind: 'WORKING_GROUP',
        ...nextSlot(),
        facilitatorId: a.users.fac.id,
        invitedPartnerIds: [a.partners.a],
      };
      const paths = async (i: Record<string, unknown>) => {
        const res = await t.gql(q, { i: { ...base, ...i } }, a.users.coord.token);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        return res.errors![0].extensions!.fields!.map((f) => f.path);
      };
      expect(await paths({ facilitatorId: a.users.member.id })).toEqual(['input.facilitatorId']);
      expect(await paths({ facilitatorId: other.users.coord.id })).toEqual(['input.facilitatorId']);
      expect(await paths({ invitedPartnerIds: [other.partners.x] })).toEqual(['input.invitedPartnerIds']);
      expect(await paths({ endsAt: base.startsAt })).toEqual(['input.endsAt']);
      expect(await paths({ title: '' })).toEqual(['input.title']);
    });
  });

  describe('who runs the meeting', () => {
    it('the named facilitator or a COORDINATOR; another facilitator and members are refused', async () => {
      const m = await schedule(t, a);
      expect(codes(await op('startMeeting', m.id, a.users.fac2.token))).toEqual(['FORBIDDEN']);
      expect(codes(await op('startMeeting', m.id, a.users.member.token))).toEqual(['FORBIDDEN']);
      expect(codes(await op('startMeeting', m.id, a.users.admin.token))).toEqual(['FORBIDDEN']);
      expect(codes(await op('startMeeting', m.id, other.users.coord.token))).toEqual(['NOT_FOUND']);
      expect(await status(m.id)).toBe('SCHEDULED');
      expect((await run(t, a.users.coord.token, 'startMeeting', m.id)).startMeeting.status).toBe(
        'IN_PROGRESS',
      );
      expect((await run(t, a.users.fac.token, 'adjournMeeting', m.id)).adjournMeeting.status).toBe(
        'ADJOURNED',
      );
      const save = 'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Entwurf") { status } }';
      const approve = 'mutation($m: ID!) { approveMinutes(meetingId: $m) { status approvedBy { id } } }';
      expect(codes(await t.gql(save, { m: m.id }, a.users.fac2.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(save, { m: m.id }, a.users.member.token))).toEqual(['FORBIDDEN']);
      await expectData(t, save, { m: m.id }, a.users.coord.token);
      expect(codes(await t.gql(approve, { m: m.id }, a.users.fac2.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(approve, { m: m.id }, a.users.observer.token))).toEqual(['FORBIDDEN']);
      expect((await expectData(t, approve, { m: m.id }, a.users.coord.token)).approveMinutes).toEqual({
        status: 'APPROVED',
        approvedBy: { id: a.users.coord.id },
      });
    });

    it('a facilitator hands the meeting over with updateMeeting and can no longer run it', async () => {
      const m = await schedule(t, a, {}, a.users.fac.token);
      const res = await t.gql(
        'mutation($id: ID!, $f: ID!) { updateMeeting(id: $id, input: { facilitatorId: $f, title: "Übergeben" }) { title facilitator { id } } }',
        { id: m.id, f: a.users.fac2.id },
        a.users.fac.token,
      );
      expect(res.data.updateMeeting).toEqual({ title: 'Übergeben', facilitator: { id: a.users.fac2.id } });
      expect(codes(await op('startMeeting', m.id, a.users.fac.token))).toEqual(['FORBIDDEN']);
      expect((await run(t, a.users.fac2.token, 'startMeeting', m.id)).startMeeting.status).toBe(
        'IN_PROGRESS',
      );
    });
  });

  describe('reading', () => {
    it('members (observers too) read meetings; outsiders get null and an empty list', async () => {
      const m = await schedule(t, a);
      const read = await t.gql(
        `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} alliance { id } } }`,
        { id: m.id },
        a.users.observer.token,
      );
      expect(read.data.meeting).toMatchObject({
        id: m.id,
        status: 'SCHEDULED',
        kind: 'STEERING_GROUP',
        location: 'Rathaus, Raum 1',
        facilitator: { id: a.users.fac.id },
        alliance: { id: a.allianceId },
      });
      expect(read.data.meeting.invitedPartners.map((p: any) => p.id)).toEqual([
        a.partners.a,
        a.partners.b,
        a.partners.c,
        a.partners.d,
      ]);
      expect(
        (await t.gql('query($id: ID!) { meeting(id: $id) { id } }', { id: m.id }, other.users.coord.token))
          .data.meeting,
      ).toBeNull();
      expect(
        (
          await t.gql(
            'query($id: ID!) { meeting(id: $id) { id } }',
            { id: 'not-a-uuid' },
            other.users.coord.token,
          )
        ).data.meeting,
      ).toBeNull();
      const list = await t.gql(
        'query($a: ID!) { meetings(allianceId: $a) { id } }',
        { a: a.allianceId },
        other.users.coord.token,
      );
      expect(list.data.meetings).toEqual([]);
    });

    it('lists meetings starting in [from, to), by status, oldest first', async () => {
      const b = await aMeetingAlliance(t);
      const m1 = await schedule(t, b);
      const m2 = await schedule(t, b);
      const m3 = await schedule(t, b);
      await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { id } }', { id: m3.id }, b.users.coord.token);
      const q =
        'query($a: ID!, $f: DateTime, $to: DateTime, $s: [MeetingStatus!]) { meetings(allianceId: $a, from: $f, to: $to, status: $s) { id } }';
      const ids = async (v: Record<string, unknown>) =>
        (await t.gql(q, { a: b.allianceId, ...v }, b.users.member.token)).data.meetings.map((m: any) => m.id);
      expect(await ids({})).toEqual([m1.id, m2.id, m3.id]);
      expect(await ids({ f: m2.startsAt })).toEqual([m2.id, m3.id]);
      expect(await ids({ to: m2.startsAt })).toEqual([m1.id]);
      expect(await ids({ s: ['CANCELLED'] })).toEqual([m3.id]);
      expect(await ids({ s: ['SCHEDULED'], f: m2.startsAt })).toEqual([m2.id]);
    });
  });

  it('audits every meeting mutation with field names only', async () => {
    const m = await schedule(t, a);
    const fac = a.users.fac.token;
    await t.gql(
      'mutation($id: ID!) { updateMeeting(id: $id, input: { location: "Geheimer Ort 7" }) { id } }',
      { id: m.id },
      fac,
    );
    await run(t, fac, 'startMeeting', m.id);
    await decide(t, fac, m.id);
    await run(t, fac, 'adjournMeeting', m.id);
    await t.gql(
      'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Vertrauliche Notiz") { status } }',
      { m: m.id },
      fac,
    );
    await t.gql('mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac);
    const log = await t.gql(
      'query($id: ID!) { auditLog(entityId: $id, first: 100) { edges { node { action entityType changedFields actor { id } } } } }',
      { id: m.id },
      await t.adminToken(),
    );
    const entries = log.data.auditLog.edges.map((e: any) => e.node);
    expect(entries.map((e: any) => e.action)).toEqual([
      'scheduleMeeting',
      'updateMeeting',
      'startMeeting',
      'adjournMeeting',
      'saveMinutes',
      'approveMinutes',
    ]);
    expect(entries[1].changedFields).toEqual(['location']);
    expect(JSON.stringify(entries)).not.toMatch(/Geheimer|Vertrauliche/);
    const rows = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'recordDecision' AND alliance_id = $1",
      [a.allianceId],
    );
    expect(rows.rows[0].n).toBeGreaterThan(0);
  });
});
