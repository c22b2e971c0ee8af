import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, decide, run, schedule } from './fixtures.js';

const ADD =
  'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id title approvesMinutesOf { id title } } }';
const RECORD = 'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id number outcome } }';
const MINUTES =
  'query($id: ID!) { meeting(id: $id) { status minutes { status approvedAt approvedBy { id } savedBy { id } approvalDecision { id number meeting { id } } } } }';

describe('meetings: minutes approved as an agenda item of the next meeting', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aMeetingAlliance(t);
  });
  afterAll(() => t.close());

  /** A held meeting whose draft minutes its facilitator saved (the minute-taker). */
  async function adjournedWithDraft() {
    const m = await schedule(t, a, { title: 'Auftakt' });
    const fac = a.users.fac.token;
    await run(t, fac, 'startMeeting', m.id);
    await decide(t, fac, m.id);
    await run(t, fac, 'adjournMeeting', m.id);
    await expectData(
      t,
      'mutation($m: ID!, $x: String!) { saveMinutes(meetingId: $m, text: $x) { status } }',
      { m: m.id, x: '# Protokoll\n\n- Begrüßung' },
      fac,
    );
    return m;
  }

  it('an ADOPTED decision under the item approves the earlier minutes in its transaction, naming the decision; the minute-taker is kept', async () => {
    const earlier = await adjournedWithDraft();
    const next = await schedule(t, a, { title: 'Folgesitzung', facilitatorId: a.users.fac2.id });
    const fac2 = a.users.fac2.token;
    const item = await expectData(
      t,
      ADD,
      {
        i: {
          meetingId: next.id,
          title: 'Genehmigung des Protokolls der Auftaktsitzung',
          approvesMinutesOfId: earlier.id,
        },
      },
      fac2,
    );
    expect(item.addAgendaItem.approvesMinutesOf).toEqual({ id: earlier.id, title: 'Auftakt' });
    await run(t, fac2, 'startMeeting', next.id);

    // A rejection approves nothing.
    const rejected = await expectData(
      t,
      RECORD,
      {
        i: {
          meetingId: next.id,
          agendaItemId: item.addAgendaItem.id,
          title: 'Protokoll nicht genehmigt',
          text: 'Zu ergänzen.',
          outcome: 'REJECTED',
          votesFor: 1,
          votesAgainst: 3,
        },
      },
      fac2,
    );
    let read = (await t.gql(MINUTES, { id: earlier.id }, a.users.member.token)).data.meeting;
    expect(read.status).toBe('ADJOURNED');
    expect(read.minutes).toMatchObject({
      status: 'DRAFT',
      approvedAt: null,
      savedBy: { id: a.users.fac.id },
    });

    const adopted = await expectData(
      t,
      RECORD,
      {
        i: {
          meetingId: next.id,
          agendaItemId: item.addAgendaItem.id,
          title: 'Protokoll genehmigt',
          text: 'Das Protokoll der Auftaktsitzung wird genehmigt.',
          outcome: 'ADOPTED',
          consensus: true,
        },
      },
      fac2,
    );
    read = (await t.gql(MINUTES, { id: earlier.id }, a.users.member.token)).data.meeting;
    expect(read.status).toBe('MINUTES_APPROVED');
    expect(read.minutes).toMatchObject({
      status: 'APPROVED',
      approvedBy: { id: a.users.fac2.id },
      savedBy: { id: a.users.fac.id },
      approvalDecision: {
        id: adopted.recordDecision.id,
        number: adopted.recordDecision.number,
        meeting: { id: next.id },
      },
    });
    // Final now: the earlier record refuses changes as after approveMinutes.
    expect(
      codes(
        await t.gql(
          'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Neu") { status } }',
          { m: earlier.id },
          a.users.fac.token,
        ),
      ),
    ).toEqual(['CONFLICT']);
    const audit = await t.db.query(
      "SELECT action, actor_id FROM audit_entries WHERE entity_id = $1 AND entity_type = 'Minutes' ORDER BY sequence",
      [earlier.id],
    );
    expect(audit.rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['saveMinutes', a.users.fac.id],
      ['approveMinutes', a.users.fac2.id],
    ]);

    // The approving decision's outcome and item are final; its wording may still be corrected.
    const outcome = await t.gql(
      'mutation($id: ID!) { correctDecision(id: $id, input: { outcome: DEFERRED, consensus: false }) { id } }',
      { id: adopted.recordDecision.id },
      fac2,
    );
    expect(outcome.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DECISION_APPROVED_MINUTES',
    });
    await expectData(
      t,
      'mutation($id: ID!) { correctDecision(id: $id, input: { title: "Protokoll der Auftaktsitzung genehmigt" }) { id } }',
      { id: adopted.recordDecision.id },
      fac2,
    );

    // A second approval of the same minutes is refused, and uses no number.
    const again = await t.gql(
      RECORD,
      {
        i: {
          meetingId: next.id,
          agendaItemId: item.addAgendaItem.id,
          title: 'Noch einmal',
          text: 'X',
          outcome: 'ADOPTED',
          consensus: true,
        },
      },
      fac2,
    );
    expect(again.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MINUTES_ALREADY_APPROVED',
    });
    const numbers = await t.db.query('SELECT number FROM decisions WHERE meeting_id = $1 ORDER BY serial', [
      next.id,
    ]);
    expect(numbers.rows.map((r) => r.number)).toEqual([
      rejected.recordDecision.number,
      adopted.recordDecision.number,
    ]);
  });

  it('the item names only an earlier, adjourned meeting of the alliance with saved draft minutes', async () => {
    const fac = a.users.fac.token;
    const next = await schedule(t, a);
    const paths = async (approvesMinutesOfId: string) => {
      const res = await t.gql(
        ADD,
        { i: { meetingId: next.id, title: 'Protokoll', approvesMinutesOfId } },
        fac,
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      return res.errors![0].extensions!.fields!.map((f: { path: string }) => f.path);
    };
    // Not yet held (scheduled, and later than this one), itself, another alliance's, without minutes.
    const later = await schedule(t, a);
    expect(await paths(later.id)).toEqual(['input.approvesMinutesOfId']);
    expect(await paths(next.id)).toEqual(['input.approvesMinutesOfId']);
    const other = await aMeetingAlliance(t);
    const foreign = await schedule(t, other);
    expect(await paths(foreign.id)).toEqual(['input.approvesMinutesOfId']);
    const noMinutes = await schedule(t, a);
    await run(t, fac, 'startMeeting', noMinutes.id);
    await run(t, fac, 'adjournMeeting', noMinutes.id);
    const after = await schedule(t, a);
    const res = await t.gql(
      ADD,
      { i: { meetingId: after.id, title: 'Protokoll', approvesMinutesOfId: noMinutes.id } },
      fac,
    );
    expect(res.errors![0].extensions!.fields!.map((f: { path: string }) => f.path)).toEqual([
      'input.approvesMinutesOfId',
    ]);
    const agenda = await t.db.query(
      'SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = ANY($1)',
      [[next.id, after.id]],
    );
    expect(agenda.rows[0].n).toBe(0);
  });
});
