import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { todayInBerlin } from '../../libs/core/src/index.js';
import { aMeetingAlliance, decide, run, schedule } from './fixtures.js';

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

describe('meetings: numbered decisions, recording, follow-up tasks', () => {
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

  describe('numbering per alliance and calendar year', () => {
    it('numbers YYYY/001 onwards in recording order, per alliance, across meetings', async () => {
      const a = await aMeetingAlliance(t);
      const b = await aMeetingAlliance(t);
      const m1 = await runningMeeting(a);
      const m2 = await runningMeeting(a);
      const decisions = [
        await decide(t, a.users.fac.token, m1.id),
        await decide(t, a.users.fac.token, m2.id),
        await decide(t, a.users.fac.token, m1.id),
      ];
      expect(decisions.map((d) => d.number)).toEqual(decisions.map((d, i) => numberOf(d, i + 1)));
      const mb = await runningMeeting(b);
      const inB = await decide(t, b.users.fac.token, mb.id);
      expect(inB.number).toBe(numberOf(inB, 1));
    });

    it('stays gap-free and unique when ten decisions are recorded at once', async () => {
      const a = await aMeetingAlliance(t);
      const m1 = await runningMeeting(a);
      const m2 = await runningMeeting(a);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t.gql(
            RECORD,
            {
              i: {
                meetingId: i % 2 ? m1.id : m2.id,
                title: `B${i}`,
                text: 'Text',
                outcome: 'ADOPTED',
                consensus: true,
              },
            },
            i % 3 ? a.users.fac.token : a.users.coord.token,
          ),
        ),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const decisions = results
        .map((r) => r.data.recordDecision)
        .sort((x, y) => x.number.localeCompare(y.number));
      const numbers = decisions.map((d) => d.number);
      expect(numbers).toEqual(decisions.map((d, i) => numberOf(d, i + 1)));
      // Recording order: numbers rise with recordedAt.
      const rows = await t.db.query(
        'SELECT number FROM decisions WHERE alliance_id = $1 ORDER BY recorded_at, serial',
        [a.allianceId],
      );
      expect(rows.rows.map((r) => r.number)).toEqual(numbers);
    });

    it('a refused decision uses no number: the next one closes no gap', async () => {
      const a = await aMeetingAlliance(t);
      const m = await runningMeeting(a);
      const first = await decide(t, a.users.fac.token, m.id);
      expect(first.number).toBe(numberOf(first, 1));
      const bad = await t.gql(
        RECORD,
        {
          i: {
            meetingId: m.id,
            title: 'X',
            text: 'Y',
            outcome: 'ADOPTED',
            followUpTasks: [{ title: 'Aufgabe', leadPartnerId: '00000000-0000-4000-8000-000000000000' }],
          },
        },
        a.users.fac.token,
      );
      expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
      const next = await decide(t, a.users.fac.token, m.id);
      expect(next.number).toBe(numberOf(next, 2));
    });
  });

  describe('recording', () => {
    let a: BuiltAlliance;
    beforeAll(async () => {
      a = await aMeetingAlliance(t);
    });

    it('records outcome, votes, agenda item and recorder', async () => {
      const m = await runningMeeting(a);
      const item = await expectData(
        t,
        'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
        { i: { meetingId: m.id, title: 'Haushalt' } },
        a.users.fac.token,
      );
      const res = await t.gql(
        RECORD,
        {
          i: {
            meetingId: m.id,
            agendaItemId: item.addAgendaItem.id,
            title: 'Budget',
            text: 'Beschlossen.',
            outcome: 'REJECTED',
            votesFor: 3,
            votesAgainst: 5,
            abstentions: 0,
          },
        },
        a.users.fac.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.recordDecision).toMatchObject({
        outcome: 'REJECTED',
        votesFor: 3,
        votesAgainst: 5,
        abstentions: 0,
        consensus: false,
        recordedBy: { id: a.users.fac.id },
        meeting: { id: m.id },
        agendaItem: { id: item.addAgendaItem.id },
      });
      const agenda = await t.gql(
        'query($id: ID!) { meeting(id: $id) { agenda { decisions { id } } decisions { id } } }',
        { id: m.id },
        a.users.observer.token,
      );
      expect(agenda.data.meeting.agenda[0].decisions).toEqual([{ id: res.data.recordDecision.id }]);
      expect(agenda.data.meeting.decisions).toEqual([{ id: res.data.recordDecision.id }]);
    });

    it('refuses negative votes, votes with consensus, consensus without adoption, a foreign agenda item', async () => {
      const m = await runningMeeting(a);
      const other = await runningMeeting(a);
      const foreign = await expectData(
        t,
        'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
        { i: { meetingId: other.id, title: 'Anderes' } },
        a.users.fac.token,
      );
      const paths = async (extra: Record<string, unknown>) => {
        const res = await t.gql(
          RECORD,
          { i: { meetingId: m.id, title: 'T', text: 'X', outcome: 'ADOPTED', ...extra } },
          a.users.fac.token,
        );
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        return res.errors![0].extensions!.fields!.map((f) => f.path).sort();
      };
      expect(await paths({ votesFor: -1, abstentions: -2 })).toEqual(['input.abstentions', 'input.votesFor']);
      expect(await paths({ consensus: true, votesFor: 4 })).toEqual(['input.consensus']);
      expect(await paths({ consensus: true, outcome: 'REJECTED' })).toEqual(['input.consensus']);
      expect(await paths({ agendaItemId: foreign.addAgendaItem.id })).toEqual(['input.agendaItemId']);
      const count = await t.db.query('SELECT count(*)::int AS n FROM decisions WHERE meeting_id = $1', [
        m.id,
      ]);
      expect(count.rows[0].n).toBe(0);
    });

    it('only while the meeting runs or is adjourned; only by its facilitator or a COORDINATOR', async () => {
      const m = await schedule(t, a);
      const input = { meetingId: m.id, title: 'T', text: 'X', outcome: 'DEFERRED' };
      expect(codes(await t.gql(RECORD, { i: input }, a.users.fac.token))).toEqual(['CONFLICT']);
      await run(t, a.users.fac.token, 'startMeeting', m.id);
      expect(codes(await t.gql(RECORD, { i: input }, a.users.fac2.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(RECORD, { i: input }, a.users.member.token))).toEqual(['FORBIDDEN']);
      expect((await t.gql(RECORD, { i: input }, a.users.coord.token)).errors).toBeUndefined();
      await run(t, a.users.fac.token, 'adjournMeeting', m.id);
      expect((await t.gql(RECORD, { i: input }, a.users.fac.token)).errors).toBeUndefined();
    });
  });

  describe('follow-up tasks in the same transaction', () => {
    it('creates the tasks with the decision, linked both ways', async () => {
      const a = await aMeetingAlliance(t);
      const m = await runningMeeting(a);
      const res = await t.gql(
        RECORD,
        {
          i: {
            meetingId: m.id,
            title: 'Sprachkurse',
            text: 'Mehr Sprachkurse.',
            outcome: 'ADOPTED',
            consensus: true,
            followUpTasks: [
              { title: 'Bedarf erheben', leadPartnerId: a.partners.b, dueOn: '2026-12-31', priority: 'HIGH' },
              { title: 'Träger ansprechen', leadPartnerId: a.partners.c, assigneeId: a.users.fac2.id },
            ],
          },
        },
        a.users.fac.token,
      );
      expect(res.errors).toBeUndefined();
      const d = res.data.recordDecision;
      expect(
        d.followUpTasks.map((x: any) => [x.title, x.dueOn, x.leadPartner.id, x.decision.number]),
      ).toEqual([
        ['Bedarf erheben', '2026-12-31', a.partners.b, d.number],
        ['Träger ansprechen', null, a.partners.c, d.number],
      ]);
      const task = await t.gql(
        'query($id: ID!) { task(id: $id) { decision { id meeting { id } } } }',
        { id: d.followUpTasks[0].id },
        a.users.member.token,
      );
      expect(task.data.task.decision).toEqual({ id: d.id, meeting: { id: m.id } });
      const fk = await t.db.query(
        "SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conname = 'tasks_decision_id_fkey'",
      );
      expect(fk.rows).toEqual([{ target: 'decisions' }]);
      const plain = await t.gql(
        'query($id: ID!) { task(id: $id) { decision { id } } }',
        {
          id: (
            await expectData(
              t,
              'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
              { i: { allianceId: a.allianceId, title: 'Ohne Beschluss', leadPartnerId: a.partners.a } },
              a.users.coord.token,
            )
          ).createTask.id,
        },
        a.users.member.token,
      );
      expect(plain.data.task.decision).toBeNull();
    });

    it('adds follow-up tasks to a decision later, until the minutes are approved', async () => {
      const a = await aMeetingAlliance(t);
      const m = await runningMeeting(a);
      const d = await decide(t, a.users.fac.token, m.id);
      const ADD_TASKS =
        'mutation($i: AddFollowUpTasksInput!) { addFollowUpTasks(input: $i) { number followUpTasks { title } } }';
      const res = await t.gql(
        ADD_TASKS,
        { i: { decisionId: d.id, tasks: [{ title: 'Nachtrag', leadPartnerId: a.partners.d }] } },
        a.users.fac.token,
      );
      expect(res.data.addFollowUpTasks).toEqual({ number: d.number, followUpTasks: [{ title: 'Nachtrag' }] });
      const bad = await t.gql(
        ADD_TASKS,
        { i: { decisionId: d.id, tasks: [{ title: 'x'.repeat(301), leadPartnerId: a.partners.d }] } },
        a.users.fac.token,
      );
      expect(bad.errors![0].extensions!.fields!.map((f) => f.path)).toEqual(['input.tasks.0.title']);
      expect(
        codes(await t.gql(ADD_TASKS, { i: { decisionId: d.id, tasks: [] } }, a.users.fac.token)),
      ).toEqual(['BAD_USER_INPUT']);
      expect(
        codes(
          await t.gql(
            ADD_TASKS,
            { i: { decisionId: d.id, tasks: [{ title: 'T', leadPartnerId: a.partners.d }] } },
            a.users.member.token,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      await run(t, a.users.fac.token, 'adjournMeeting', m.id);
      await expectData(
        t,
        'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "P") { status } }',
        { m: m.id },
        a.users.fac.token,
      );
      await expectData(
        t,
        'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }',
        { m: m.id },
        a.users.fac.token,
      );
      expect(
        codes(
          await t.gql(
            ADD_TASKS,
            { i: { decisionId: d.id, tasks: [{ title: 'Zu spät', leadPartnerId: a.partners.d }] } },
            a.users.fac.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      const tasks = await t.db.query('SELECT count(*)::int AS n FROM tasks WHERE decision_id = $1', [d.id]);
      expect(tasks.rows[0].n).toBe(1);
    });

    it('if one task is invalid, neither the decision nor any task exists afterwards', async () => {
      const a = await aMeetingAlliance(t);
      const m = await runningMeeting(a);
      const res = await t.gql(
        RECORD,
        {
          i: {
            meetingId: m.id,
            title: 'Beschluss',
            text: 'Text',
            outcome: 'ADOPTED',
            followUpTasks: [
              { title: 'Gültig', leadPartnerId: a.partners.a },
              { title: 'Ungültig', leadPartnerId: a.partners.b, assigneeId: a.users.fac2.id },
            ],
          },
        },
        a.users.fac.token,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toEqual([
        'input.followUpTasks.1.assigneeId',
      ]);
      const decisions = await t.db.query('SELECT count(*)::int AS n FROM decisions WHERE alliance_id = $1', [
        a.allianceId,
      ]);
      const tasks = await t.db.query('SELECT count(*)::int AS n FROM tasks WHERE alliance_id = $1', [
        a.allianceId,
      ]);
      expect([decisions.rows[0].n, tasks.rows[0].n]).toEqual([0, 0]);
      const empty = await t.gql(
        RECORD,
        {
          i: {
            meetingId: m.id,
            title: 'B',
            text: 'T',
            outcome: 'ADOPTED',
            followUpTasks: [{ title: '', leadPartnerId: a.partners.a }],
          },
        },
        a.users.fac.token,
      );
      expect(empty.errors![0].extensions!.fields!.map((f) => f.path)).toEqual([
        'input.followUpTasks.0.title',
      ]);
    });
  });
});
