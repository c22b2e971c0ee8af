import { aMember, type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, run, schedule } from './fixtures.js';

const ADD =
  'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id position title presenter { id } durationMinutes } }';
const AGENDA = 'query($id: ID!) { meeting(id: $id) { agenda { id position title } } }';
const ATTEND =
  'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status partner { id organisation { id } } attendees { id } } }';

describe('meetings: agenda and attendance', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aMeetingAlliance(t);
  });
  afterAll(() => t.close());

  const agenda = async (id: string) =>
    (await t.gql(AGENDA, { id }, a.users.member.token)).data.meeting.agenda.map((i: any) => [
      i.position,
      i.title,
    ]);

  describe('agenda: gap-free 1-based positions', () => {
    it('appends by default and shifts the rest when inserting at a position', async () => {
      const m = await schedule(t, a);
      const fac = a.users.fac.token;
      const first = await expectData(
        t,
        ADD,
        { i: { meetingId: m.id, title: 'Begrüßung', presenterPartnerId: a.partners.b, durationMinutes: 10 } },
        fac,
      );
      expect(first.addAgendaItem).toMatchObject({
        position: 1,
        presenter: { id: a.partners.b },
        durationMinutes: 10,
      });
      await expectData(t, ADD, { i: { meetingId: m.id, title: 'Berichte' } }, fac);
      await expectData(t, ADD, { i: { meetingId: m.id, title: 'Verschiedenes' } }, a.users.coord.token);
      const inserted = await expectData(
        t,
        ADD,
        { i: { meetingId: m.id, title: 'Protokoll der letzten Sitzung', position: 2 } },
        fac,
      );
      expect(inserted.addAgendaItem.position).toBe(2);
      await expectData(t, ADD, { i: { meetingId: m.id, title: 'Eröffnung', position: 1 } }, fac);
      await expectData(t, ADD, { i: { meetingId: m.id, title: 'Schluss', position: 6 } }, fac);
      expect(await agenda(m.id)).toEqual([
        [1, 'Eröffnung'],
        [2, 'Begrüßung'],
        [3, 'Protokoll der letzten Sitzung'],
        [4, 'Berichte'],
        [5, 'Verschiedenes'],
        [6, 'Schluss'],
      ]);
    });

    it('stays gap-free when items are inserted concurrently', async () => {
      const m = await schedule(t, a);
      await expectData(t, ADD, { i: { meetingId: m.id, title: 'Letzter' } }, a.users.fac.token);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.gql(
            ADD,
            { i: { meetingId: m.id, title: `Neu ${i}`, position: 1 } },
            i % 2 ? a.users.fac.token : a.users.coord.token,
          ),
        ),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const items = await agenda(m.id);
      expect(items.map((x: any) => x[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(items[8]).toEqual([9, 'Letzter']);
    });

    it('refuses a position beyond the end, a foreign presenter, and callers who do not plan the meeting', async () => {
      const m = await schedule(t, a);
      await expectData(t, ADD, { i: { meetingId: m.id, title: 'Eins' } }, a.users.fac.token);
      const beyond = await t.gql(
        ADD,
        { i: { meetingId: m.id, title: 'Drei', position: 3 } },
        a.users.fac.token,
      );
      expect(beyond.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.position']);
      const zero = await t.gql(
        ADD,
        { i: { meetingId: m.id, title: 'Null', position: 0 } },
        a.users.fac.token,
      );
      expect(zero.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.position']);
      const other = await aMeetingAlliance(t);
      const presenter = await t.gql(
        ADD,
        { i: { meetingId: m.id, title: 'X', presenterPartnerId: other.partners.a } },
        a.users.fac.token,
      );
      expect(presenter.errors![0].extensions!.fields!.map((f) => f.path)).toEqual([
        'input.presenterPartnerId',
      ]);
      expect(codes(await t.gql(ADD, { i: { meetingId: m.id, title: 'X' } }, a.users.fac2.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await t.gql(ADD, { i: { meetingId: m.id, title: 'X' } }, a.users.member.token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        codes(await t.gql(ADD, { i: { meetingId: m.id, title: 'X' } }, other.users.coord.token)),
      ).toEqual(['NOT_FOUND']);
      expect(await agenda(m.id)).toEqual([[1, 'Eins']]);
    });

    it('moves and removes items, keeping positions gap-free; an item with decisions stays', async () => {
      const m = await schedule(t, a);
      const fac = a.users.fac.token;
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C', 'D'])
        ids.push((await expectData(t, ADD, { i: { meetingId: m.id, title } }, fac)).addAgendaItem.id);
      await expectData(
        t,
        'mutation($id: ID!) { updateAgendaItem(id: $id, input: { position: 1 }) { position } }',
        { id: ids[3] },
        fac,
      );
      expect(await agenda(m.id)).toEqual([
        [1, 'D'],
        [2, 'A'],
        [3, 'B'],
        [4, 'C'],
      ]);
      await expectData(
        t,
        'mutation($id: ID!) { updateAgendaItem(id: $id, input: { position: 3, title: "A2" }) { position } }',
        { id: ids[0] },
        fac,
      );
      expect(await agenda(m.id)).toEqual([
        [1, 'D'],
        [2, 'B'],
        [3, 'A2'],
        [4, 'C'],
      ]);
      await expectData(t, 'mutation($id: ID!) { removeAgendaItem(id: $id) { id } }', { id: ids[1] }, fac);
      expect(await agenda(m.id)).toEqual([
        [1, 'D'],
        [2, 'A2'],
        [3, 'C'],
      ]);
      await run(t, fac, 'startMeeting', m.id);
      await expectData(
        t,
        'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }',
        { i: { meetingId: m.id, agendaItemId: ids[2], title: 'B', text: 'T', outcome: 'ADOPTED' } },
        fac,
      );
      expect(
        codes(await t.gql('mutation($id: ID!) { removeAgendaItem(id: $id) { id } }', { id: ids[2] }, fac)),
      ).toEqual(['CONFLICT']);
      expect(await agenda(m.id)).toEqual([
        [1, 'D'],
        [2, 'A2'],
        [3, 'C'],
      ]);
    });

    it('items join and leave while the meeting runs, not once it is closed (AGENDA_CLOSED, only the wording stays correctable), nor once cancelled', async () => {
      const m = await schedule(t, a);
      const fac = a.users.fac.token;
      await run(t, fac, 'startMeeting', m.id);
      const { id } = (await expectData(t, ADD, { i: { meetingId: m.id, title: 'Antrag' } }, fac))
        .addAgendaItem;
      await run(t, fac, 'adjournMeeting', m.id);
      for (const refused of [
        await t.gql(ADD, { i: { meetingId: m.id, title: 'Nachgetragen' } }, fac),
        await t.gql('mutation($id: ID!) { removeAgendaItem(id: $id) { id } }', { id }, a.users.coord.token),
      ])
        expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'AGENDA_CLOSED' });
      const rename = 'mutation($id: ID!) { updateAgendaItem(id: $id, input: { title: "Antrag 2" }) { id } }';
      await expectData(t, rename, { id }, fac);
      expect(await agenda(m.id)).toEqual([[1, 'Antrag 2']]);
      const c = await schedule(t, a);
      await t.gql('mutation($id: ID!) { cancelMeeting(id: $id) { id } }', { id: c.id }, a.users.coord.token);
      expect(codes(await t.gql(ADD, { i: { meetingId: c.id, title: 'X' } }, fac))).toEqual(['CONFLICT']);
    });
  });

  describe('attendance per invited partner, and quorum', () => {
    it("records attendees from the partner's organisation; recording again replaces the record", async () => {
      const m = await schedule(t, a);
      await run(t, a.users.fac.token, 'startMeeting', m.id);
      const first = await t.gql(
        ATTEND,
        {
          i: {
            meetingId: m.id,
            partnerId: a.partners.a,
            status: 'PRESENT',
            attendeeIds: [a.users.coord.id, a.users.member.id],
          },
        },
        a.users.fac.token,
      );
      expect(first.data.recordAttendance).toEqual({
        status: 'PRESENT',
        partner: { id: a.partners.a, organisation: { id: a.orgs.a } },
        attendees: [{ id: a.users.coord.id }, { id: a.users.member.id }],
      });
      await expectData(
        t,
        ATTEND,
        {
          i: {
            meetingId: m.id,
            partnerId: a.partners.a,
            status: 'PRESENT',
            attendeeIds: [a.users.member.id],
          },
        },
        a.users.fac.token,
      );
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: a.partners.c, status: 'EXCUSED' } },
        a.users.coord.token,
      );
      const read = await t.gql(
        'query($id: ID!) { meeting(id: $id) { attendance { status partner { id } attendees { id } } } }',
        { id: m.id },
        a.users.observer.token,
      );
      expect(read.data.meeting.attendance).toEqual([
        { status: 'PRESENT', partner: { id: a.partners.a }, attendees: [{ id: a.users.member.id }] },
        { status: 'EXCUSED', partner: { id: a.partners.c }, attendees: [] },
      ]);
    });

    it('refuses partners not invited, attendees from another organisation or outside the alliance, and attendees of absent partners', async () => {
      const m = await schedule(t, a, { invitedPartnerIds: [a.partners.a, a.partners.b] });
      await run(t, a.users.fac.token, 'startMeeting', m.id);
      const path = async (i: Record<string, unknown>) => {
        const res = await t.gql(ATTEND, { i: { meetingId: m.id, ...i } }, a.users.fac.token);
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        return res.errors![0].extensions!.fields!.map((f) => f.path);
      };
      expect(await path({ partnerId: a.partners.c, status: 'PRESENT' })).toEqual(['input.partnerId']);
      expect(
        await path({ partnerId: a.partners.a, status: 'PRESENT', attendeeIds: [a.users.fac.id] }),
      ).toEqual(['input.attendeeIds']);
      const other = await aMeetingAlliance(t);
      expect(
        await path({ partnerId: a.partners.a, status: 'PRESENT', attendeeIds: [other.users.coord.id] }),
      ).toEqual(['input.attendeeIds']);
      expect(
        await path({ partnerId: a.partners.b, status: 'ABSENT', attendeeIds: [a.users.fac.id] }),
      ).toEqual(['input.attendeeIds']);
      expect(
        codes(
          await t.gql(
            ATTEND,
            { i: { meetingId: m.id, partnerId: a.partners.a, status: 'PRESENT' } },
            a.users.member.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      const read = await t.gql(
        'query($id: ID!) { meeting(id: $id) { attendance { status } } }',
        { id: m.id },
        a.users.member.token,
      );
      expect(read.data.meeting.attendance).toEqual([]);
    });

    it('before the start only apologies (EXCUSED); cancelled meetings take none', async () => {
      const m = await schedule(t, a);
      expect(
        (
          await t.gql(
            ATTEND,
            { i: { meetingId: m.id, partnerId: a.partners.d, status: 'EXCUSED' } },
            a.users.fac.token,
          )
        ).errors,
      ).toBeUndefined();
      expect(
        codes(
          await t.gql(
            ATTEND,
            { i: { meetingId: m.id, partnerId: a.partners.a, status: 'PRESENT' } },
            a.users.fac.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      // Invited partners with recorded attendance stay invited.
      const res = await t.gql(
        'mutation($id: ID!, $p: [ID!]) { updateMeeting(id: $id, input: { invitedPartnerIds: $p }) { id } }',
        { id: m.id, p: [a.partners.a] },
        a.users.coord.token,
      );
      expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.invitedPartnerIds']);
      await expectData(
        t,
        'mutation($id: ID!) { cancelMeeting(id: $id) { id } }',
        { id: m.id },
        a.users.coord.token,
      );
      expect(
        codes(
          await t.gql(
            ATTEND,
            { i: { meetingId: m.id, partnerId: a.partners.b, status: 'EXCUSED' } },
            a.users.fac.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
    });

    it('quorate = partners present > quorumShare × invited partners; follows Alliance.quorumShare', async () => {
      const b = await aMeetingAlliance(t);
      const m = await schedule(t, b);
      const fac = b.users.fac.token;
      await run(t, fac, 'startMeeting', m.id);
      const quorate = async () =>
        (await t.gql('query($id: ID!) { meeting(id: $id) { quorate } }', { id: m.id }, b.users.member.token))
          .data.meeting.quorate;
      expect(await quorate()).toBe(false);
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: b.partners.a, status: 'PRESENT' } },
        fac,
      );
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: b.partners.b, status: 'PRESENT' } },
        fac,
      );
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: b.partners.c, status: 'EXCUSED' } },
        fac,
      );
      expect(await quorate()).toBe(false); // 2 of 4 is not more than half
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: b.partners.d, status: 'PRESENT' } },
        fac,
      );
      expect(await quorate()).toBe(true); // 3 > 2
      await expectData(
        t,
        'mutation($id: ID!) { updateAlliance(id: $id, input: { quorumShare: 0.75 }) { quorumShare } }',
        { id: b.allianceId },
        b.users.admin.token,
      );
      expect(await quorate()).toBe(false); // 3 > 3 is false
      await expectData(
        t,
        'mutation($id: ID!) { updateAlliance(id: $id, input: { quorumShare: 0.25 }) { quorumShare } }',
        { id: b.allianceId },
        b.users.admin.token,
      );
      await expectData(t, ATTEND, { i: { meetingId: m.id, partnerId: b.partners.d, status: 'ABSENT' } }, fac);
      await expectData(t, ATTEND, { i: { meetingId: m.id, partnerId: b.partners.b, status: 'ABSENT' } }, fac);
      expect(await quorate()).toBe(false); // 1 > 1 is false
    });

    it('a member who joins later can be named as attendee; audits each recording', async () => {
      const m = await schedule(t, a);
      await run(t, a.users.fac.token, 'startMeeting', m.id);
      const newcomer = await aMember(t, a.allianceId, a.orgs.d, ['MEMBER']);
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: a.partners.d, status: 'PRESENT', attendeeIds: [newcomer.id] } },
        a.users.fac.token,
      );
      await expectData(
        t,
        ATTEND,
        { i: { meetingId: m.id, partnerId: a.partners.d, status: 'PRESENT', attendeeIds: [] } },
        a.users.fac.token,
      );
      const rows = await t.db.query(
        "SELECT a.changed_fields FROM audit_entries a JOIN attendances x ON x.id = a.entity_id WHERE a.action = 'recordAttendance' AND x.meeting_id = $1",
        [m.id],
      );
      expect(rows.rows.length).toBe(2);
      expect(rows.rows[0].changed_fields).toEqual(['attendeeIds', 'meetingId', 'partnerId', 'status']);
    });
  });
});
