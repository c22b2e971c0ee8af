import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { todayInBerlin } from '../../libs/core/src/index.js';
import { aMeetingAlliance, approvedMeeting, decide, run, schedule } from './fixtures.js';

/**
 * The number of the `serial`th decision of the year in which `d` was recorded (Europe/Berlin): the
 * year of the decision itself, not of the moment this file loaded, so a run across New Year's Eve
 * midnight expects what the service does.
 */
function numberOf(d: { recordedAt: string }, serial: number): string {
  return `${yearOf(d)}/${String(serial).padStart(3, '0')}`;
}
const yearOf = (d: { recordedAt: string }) => todayInBerlin(new Date(d.recordedAt)).slice(0, 4);
const RECORD =
  'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id number recordedAt title outcome votesFor votesAgainst abstentions consensus recordedBy { id } meeting { id } agendaItem { id } followUpTasks { id title dueOn leadPartner { id } decision { id number } } } }';

describe('meetings: decisions corrected until approval, amended after, read and audited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function runningMeeting(a: BuiltAlliance) {
    const m = await schedule(t, a);
    await run(t, a.users.fac.token, 'startMeeting', m.id);
    return m;
  }

  describe('corrections until approval, then final; amendments in a later meeting', () => {
    const CORRECT =
      'mutation($id: ID!, $i: CorrectDecisionInput!) { correctDecision(id: $id, input: $i) { number title outcome votesFor votesAgainst consensus correctedAt } }';

    it('corrects while the meeting runs and after adjourning, keeping the number', async () => {
      const a = await aMeetingAlliance(t);
      const m = await runningMeeting(a);
      const d = await decide(t, a.users.fac.token, m.id);
      // The agenda closes with the meeting: its item is added while the meeting runs.
      const item = await expectData(
        t,
        'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
        { i: { meetingId: m.id, title: 'TOP' } },
        a.users.fac.token,
      );
      const r1 = await t.gql(
        CORRECT,
        { id: d.id, i: { title: 'Korrigiert', consensus: false, votesFor: 7, votesAgainst: 1 } },
        a.users.fac.token,
      );
      expect(r1.data.correctDecision).toMatchObject({
        number: d.number,
        title: 'Korrigiert',
        votesFor: 7,
        votesAgainst: 1,
        consensus: false,
      });
      expect(r1.data.correctDecision.correctedAt).not.toBeNull();
      await run(t, a.users.fac.token, 'adjournMeeting', m.id);
      const r2 = await t.gql(CORRECT, { id: d.id, i: { outcome: 'DEFERRED' } }, a.users.coord.token);
      expect(r2.data.correctDecision).toMatchObject({ number: d.number, outcome: 'DEFERRED' });
      expect(codes(await t.gql(CORRECT, { id: d.id, i: { votesFor: -3 } }, a.users.fac.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(codes(await t.gql(CORRECT, { id: d.id, i: { consensus: true } }, a.users.fac.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(codes(await t.gql(CORRECT, { id: d.id, i: { title: null } }, a.users.fac.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(codes(await t.gql(CORRECT, { id: d.id, i: { title: 'x' } }, a.users.member.token))).toEqual([
        'FORBIDDEN',
      ]);
      const moved = await t.gql(
        'mutation($id: ID!, $i: CorrectDecisionInput!) { correctDecision(id: $id, input: $i) { agendaItem { id } } }',
        { id: d.id, i: { agendaItemId: item.addAgendaItem.id } },
        a.users.fac.token,
      );
      expect(moved.data.correctDecision.agendaItem).toEqual({ id: item.addAgendaItem.id });
      const other = await runningMeeting(a);
      const foreignItem = await expectData(
        t,
        'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
        { i: { meetingId: other.id, title: 'Fremd' } },
        a.users.fac.token,
      );
      const refused = await t.gql(
        CORRECT,
        { id: d.id, i: { agendaItemId: foreignItem.addAgendaItem.id } },
        a.users.fac.token,
      );
      expect(refused.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.agendaItemId']);
      const detached = await t.gql(
        'mutation($id: ID!) { correctDecision(id: $id, input: { agendaItemId: null }) { agendaItem { id } } }',
        { id: d.id },
        a.users.fac.token,
      );
      expect(detached.data.correctDecision.agendaItem).toBeNull();
    });

    it('after approveMinutes every change answers CONFLICT: decisions, agenda, attendance, meeting, minutes', async () => {
      const a = await aMeetingAlliance(t);
      const { meeting, decision } = await approvedMeeting(t, a);
      const fac = a.users.fac.token;
      const refused = [
        await t.gql(CORRECT, { id: decision.id, i: { title: 'Zu spät' } }, fac),
        await t.gql(CORRECT, { id: decision.id, i: { title: 'Zu spät' } }, a.users.coord.token),
        await t.gql(
          RECORD,
          { i: { meetingId: meeting.id, title: 'Neu', text: 'X', outcome: 'ADOPTED' } },
          fac,
        ),
        await t.gql(
          'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
          { i: { meetingId: meeting.id, title: 'Nachtrag' } },
          fac,
        ),
        await t.gql(
          'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }',
          { i: { meetingId: meeting.id, partnerId: a.partners.a, status: 'PRESENT' } },
          fac,
        ),
        await t.gql(
          'mutation($id: ID!) { updateMeeting(id: $id, input: { location: "Anders" }) { id } }',
          { id: meeting.id },
          a.users.coord.token,
        ),
        await t.gql(
          'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Neu") { status } }',
          { m: meeting.id },
          fac,
        ),
      ];
      expect(refused.map((r) => codes(r)[0])).toEqual(Array(refused.length).fill('CONFLICT'));
      const read = await t.gql(
        'query($id: ID!) { decision(id: $id) { title number } }',
        { id: decision.id },
        fac,
      );
      expect(read.data.decision).toEqual({ title: 'Beschluss', number: decision.number });
      // The database refuses it as well, behind the service.
      await expect(
        t.db.query("UPDATE decisions SET title = 'x' WHERE id = $1", [decision.id]),
      ).rejects.toThrow(/final/);
    });

    it('amends a final decision in a later meeting, numbered anew and linked amends/amendedBy', async () => {
      const a = await aMeetingAlliance(t);
      const { decision } = await approvedMeeting(t, a);
      const later = await runningMeeting(a);
      const AMEND =
        'mutation($i: AmendDecisionInput!) { amendDecision(input: $i) { id number recordedAt amends { id number } meeting { id } } }';
      const res = await t.gql(
        AMEND,
        {
          i: {
            amendsId: decision.id,
            meetingId: later.id,
            title: 'Änderung',
            text: 'Frist verlängert.',
            outcome: 'ADOPTED',
            votesFor: 9,
            votesAgainst: 0,
            abstentions: 1,
          },
        },
        a.users.fac.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.amendDecision).toMatchObject({
        number: numberOf(res.data.amendDecision, 2),
        amends: { id: decision.id, number: decision.number },
        meeting: { id: later.id },
      });
      const back = await t.gql(
        'query($id: ID!) { decision(id: $id) { amendedBy { id number } amends { id } } }',
        { id: decision.id },
        a.users.observer.token,
      );
      expect(back.data.decision).toEqual({
        amendedBy: [{ id: res.data.amendDecision.id, number: numberOf(res.data.amendDecision, 2) }],
        amends: null,
      });
    });

    it('refuses to amend a decision that is not final yet (CONFLICT) or in an earlier meeting (BAD_USER_INPUT)', async () => {
      const a = await aMeetingAlliance(t);
      const earlier = await runningMeeting(a);
      const open = await decide(t, a.users.fac.token, earlier.id);
      const { decision } = await approvedMeeting(t, a);
      const later = await runningMeeting(a);
      const AMEND = 'mutation($i: AmendDecisionInput!) { amendDecision(input: $i) { id } }';
      const base = { title: 'Ä', text: 'T', outcome: 'ADOPTED', consensus: true };
      expect(
        codes(
          await t.gql(AMEND, { i: { ...base, amendsId: open.id, meetingId: later.id } }, a.users.fac.token),
        ),
      ).toEqual(['CONFLICT']);
      const early = await t.gql(
        AMEND,
        { i: { ...base, amendsId: decision.id, meetingId: earlier.id } },
        a.users.fac.token,
      );
      expect(codes(early)).toEqual(['BAD_USER_INPUT']);
      expect(early.errors![0].extensions!.fields![0].path).toBe('input.meetingId');
      const foreign = await aMeetingAlliance(t);
      const fm = await runningMeeting(foreign);
      const cross = await t.gql(
        AMEND,
        { i: { ...base, amendsId: decision.id, meetingId: fm.id } },
        foreign.users.fac.token,
      );
      expect(cross.errors![0].extensions!.fields![0].path).toBe('input.amendsId');
    });
  });

  describe('reading decisions', () => {
    it('decision(id) for members only; decisions(): number order, search, pagination', async () => {
      const a = await aMeetingAlliance(t);
      const outsider = await aMeetingAlliance(t);
      const m = await runningMeeting(a);
      const d1 = await decide(t, a.users.fac.token, m.id, {
        title: 'Sprachkurse ausbauen',
        text: 'Mehr Kurse für Zugewanderte.',
      });
      const d2 = await decide(t, a.users.fac.token, m.id, {
        title: 'Arbeitgeberforum',
        text: 'Jährliches Forum mit Unternehmen.',
      });
      const d3 = await decide(t, a.users.fac.token, m.id, {
        title: 'Wohnraum',
        text: 'Sprachmittlung bei Wohnungssuche.',
      });
      expect(
        (
          await t.gql(
            'query($id: ID!) { decision(id: $id) { id } }',
            { id: d1.id },
            outsider.users.coord.token,
          )
        ).data.decision,
      ).toBeNull();
      const Q =
        'query($a: ID!, $s: String, $f: Int, $after: String) { decisions(allianceId: $a, search: $s, first: $f, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id number } } } }';
      const page1 = await t.gql(Q, { a: a.allianceId, f: 2 }, a.users.observer.token);
      expect(page1.data.decisions.totalCount).toBe(3);
      expect(page1.data.decisions.edges.map((e: any) => e.node.id)).toEqual([d1.id, d2.id]);
      expect(page1.data.decisions.pageInfo.hasNextPage).toBe(true);
      const page2 = await t.gql(
        Q,
        { a: a.allianceId, f: 2, after: page1.data.decisions.pageInfo.endCursor },
        a.users.observer.token,
      );
      expect(page2.data.decisions.edges.map((e: any) => e.node.id)).toEqual([d3.id]);
      expect(page2.data.decisions.pageInfo.hasNextPage).toBe(false);
      const search = async (s: string) =>
        (await t.gql(Q, { a: a.allianceId, s }, a.users.member.token)).data.decisions.edges.map(
          (e: any) => e.node.id,
        );
      expect(await search('sprach')).toEqual([d1.id, d3.id]);
      expect(await search('Forum Unternehmen')).toEqual([d2.id]);
      expect(await search(`${yearOf(d2)}/2`)).toEqual([d2.id]);
      expect(await search(d3.number)).toEqual([d3.id]);
      expect((await t.gql(Q, { a: a.allianceId }, outsider.users.coord.token)).data.decisions).toMatchObject({
        totalCount: 0,
        edges: [],
      });
      expect(codes(await t.gql(Q, { a: a.allianceId, f: 101 }, a.users.member.token))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });
  });

  it('audits recordDecision, correctDecision and amendDecision', async () => {
    const a = await aMeetingAlliance(t);
    const { decision } = await approvedMeeting(t, a);
    const later = await runningMeeting(a);
    const d = await decide(t, a.users.fac.token, later.id);
    await t.gql(
      'mutation($id: ID!) { correctDecision(id: $id, input: { text: "Neu" }) { id } }',
      { id: d.id },
      a.users.fac.token,
    );
    const amended = await expectData(
      t,
      'mutation($i: AmendDecisionInput!) { amendDecision(input: $i) { id } }',
      {
        i: {
          amendsId: decision.id,
          meetingId: later.id,
          title: 'Ä',
          text: 'T',
          outcome: 'ADOPTED',
          consensus: true,
        },
      },
      a.users.fac.token,
    );
    const rows = await t.db.query(
      "SELECT action, entity_id, changed_fields FROM audit_entries WHERE entity_type = 'Decision' AND alliance_id = $1 ORDER BY sequence",
      [a.allianceId],
    );
    expect(rows.rows.map((r) => [r.action, r.entity_id])).toEqual([
      ['recordDecision', decision.id],
      ['recordDecision', d.id],
      ['correctDecision', d.id],
      ['amendDecision', amended.amendDecision.id],
    ]);
    expect(rows.rows[2].changed_fields).toEqual(['text']);
  });
});
