import type { BuiltAlliance } from '../utils/builders.js';
import { expectData } from '../utils/builders.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { todayInBerlin } from '../../libs/core/src/index.js';
import { aReportAlliance, REPORT } from './helpers.js';

/** The coordination and meetings parts of the alliance report against data built here, in the current year. */
let t: TestApp;
let a: BuiltAlliance;
let goalId: string;
const Y = todayInBerlin().slice(0, 4);
const YEAR = { from: `${Y}-01-01`, to: `${Y}-12-31` };

async function report(token: string, period = YEAR) {
  return (await expectData(t, REPORT, { a: a.allianceId, ...period }, token)).allianceReport;
}

async function task(input: Record<string, unknown>) {
  return (
    await expectData(
      t,
      'mutation($i: CreateTaskInput!) { createTask(input: $i) { id version } }',
      { i: { allianceId: a.allianceId, ...input } },
      a.users.coord.token,
    )
  ).createTask;
}

async function setStatus(id: string, version: number, status: string) {
  await expectData(
    t,
    'mutation($id: ID!, $i: UpdateTaskInput!) { updateTask(id: $id, input: $i) { id } }',
    { id, i: { status, expectedVersion: version } },
    a.users.coord.token,
  );
}

async function heldMeeting(
  day: string,
  invited: string[],
  attendance: [string, string, string[]][],
  decide = false,
) {
  const fac = a.users.fac.token;
  const { scheduleMeeting } = await expectData(
    t,
    'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
    {
      i: {
        allianceId: a.allianceId,
        title: `Lenkungsgruppe ${day}`,
        kind: 'STEERING_GROUP',
        startsAt: `${day}T09:00:00Z`,
        endsAt: `${day}T11:00:00Z`,
        facilitatorId: a.users.fac.id,
        invitedPartnerIds: invited.map((k) => a.partners[k]),
      },
    },
    a.users.coord.token,
  );
  const id = scheduleMeeting.id;
  if (!attendance.length) return id;
  await expectData(t, 'mutation($id: ID!) { startMeeting(id: $id) { id } }', { id }, fac);
  for (const [key, status, attendees] of attendance)
    await expectData(
      t,
      'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }',
      { i: { meetingId: id, partnerId: a.partners[key], status, attendeeIds: attendees } },
      fac,
    );
  if (decide)
    await expectData(
      t,
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }',
      {
        i: {
          meetingId: id,
          title: 'Sprachkursangebot ausweiten',
          text: 'Der Lenkungskreis beschließt.',
          outcome: 'ADOPTED',
          consensus: true,
          followUpTasks: [{ title: 'Träger anfragen', leadPartnerId: a.partners.kim }],
        },
      },
      fac,
    );
  await expectData(t, 'mutation($id: ID!) { adjournMeeting(id: $id) { id } }', { id }, fac);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await aReportAlliance(t);
  const coord = a.users.coord.token;
  goalId = (
    await expectData(
      t,
      'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }',
      { i: { allianceId: a.allianceId, title: 'Sprachförderung' } },
      coord,
    )
  ).createGoal.id;
  const { addIndicator } = await expectData(
    t,
    'mutation($i: AddIndicatorInput!) { addIndicator(input: $i) { id } }',
    { i: { goalId, name: 'Kursplätze', unit: 'Plätze', baseline: 10, target: 50 } },
    coord,
  );
  for (const [observedOn, value] of [
    [`${Number(Y) - 1}-12-01`, 15],
    [`${Y}-01-15`, 20],
    [`${Y}-02-15`, 30],
  ] as const)
    await expectData(
      t,
      'mutation($i: RecordMeasurementInput!) { recordMeasurement(input: $i) { id } }',
      { i: { indicatorId: addIndicator.id, value, observedOn } },
      coord,
    );
  // Three tasks: one overdue (kim leads, jc contributes), one done, one cancelled (jc, no goal).
  await task({
    title: 'Kursplätze erheben',
    leadPartnerId: a.partners.kim,
    contributingPartnerIds: [a.partners.jc],
    goalId,
    dueOn: `${Y}-01-01`,
  });
  const done = await task({ title: 'Flyer drucken', leadPartnerId: a.partners.kim, goalId });
  await setStatus(done.id, done.version, 'DONE');
  const cancelled = await task({ title: 'Abgesagt', leadPartnerId: a.partners.jc });
  await setStatus(cancelled.id, cancelled.version, 'CANCELLED');
  // Meetings: one quorate with a decision and its follow-up task, one without quorum, one not held.
  await heldMeeting(
    `${Y}-01-20`,
    ['kim', 'jc', 'aa'],
    [
      ['kim', 'PRESENT', [a.users.coord.id]],
      ['jc', 'PRESENT', [a.users.member.id]],
      ['aa', 'ABSENT', []],
    ],
    true,
  );
  await heldMeeting(
    `${Y}-02-10`,
    ['kim', 'jc'],
    [
      ['kim', 'PRESENT', [a.users.coord.id]],
      ['jc', 'EXCUSED', []],
    ],
  );
  await heldMeeting(`${Y}-03-10`, ['kim'], []);
}, 240_000);

afterAll(() => t?.close());

it('reports goals and indicators: baseline, target, measurements in the period, progress', async () => {
  const r = await report(a.users.observer.token);
  expect(r.goals).toEqual([
    {
      goalId,
      title: 'Sprachförderung',
      status: 'DRAFT',
      indicators: [
        expect.objectContaining({
          name: 'Kursplätze',
          unit: 'Plätze',
          baseline: 10,
          target: 50,
          latestValue: 30,
          progress: 0.5,
          measurements: [
            { observedOn: `${Y}-01-15`, value: 20 },
            { observedOn: `${Y}-02-15`, value: 30 },
          ],
        }),
      ],
    },
  ]);
  // Before the period's first measurement the latest value is last year's.
  const january = await report(a.users.observer.token, { from: `${Y}-01-01`, to: `${Y}-01-10` });
  expect(january.goals[0].indicators[0]).toMatchObject({
    measurements: [],
    latestValue: 15,
    progress: 0.125,
  });
});

it('reports tasks created, done, overdue and cancelled per partner (lead and contributing) and per goal', async () => {
  const r = await report(a.users.member.token);
  const counts = (created: number, done: number, overdue: number, cancelled: number) => ({
    created,
    done,
    overdue,
    cancelled,
  });
  const partner = (k: string) => r.tasksByPartner.find((p: any) => p.partnerId === a.partners[k]);
  expect(partner('kim')).toMatchObject({
    shortName: 'KIM',
    asLead: counts(3, 1, 1, 0),
    asContributor: counts(0, 0, 0, 0),
  });
  expect(partner('jc')).toMatchObject({ asLead: counts(1, 0, 0, 1), asContributor: counts(1, 0, 1, 0) });
  expect(partner('aa')).toBeUndefined();
  expect(r.tasksByGoal).toEqual([
    { goalId, goalTitle: 'Sprachförderung', counts: counts(2, 1, 1, 0) },
    { goalId: null, goalTitle: null, counts: counts(2, 0, 0, 1) },
  ]);
  expect(r.taskTotals).toEqual(counts(4, 1, 1, 1));
  // A period before the tasks existed counts none of them.
  const last = await report(a.users.member.token, {
    from: `${Number(Y) - 1}-01-01`,
    to: `${Number(Y) - 1}-12-31`,
  });
  expect(last.taskTotals).toEqual(counts(0, 0, 0, 0));
});

it('reports meetings held, quorum, attendance rate per partner and decisions with their follow-up tasks', async () => {
  const r = await report(a.users.observer.token);
  expect(
    r.meetings.map((m: any) => [m.title, m.status, m.invitedPartners, m.presentPartners, m.quorumReached]),
  ).toEqual([
    [`Lenkungsgruppe ${Y}-01-20`, 'ADJOURNED', 3, 2, true],
    [`Lenkungsgruppe ${Y}-02-10`, 'ADJOURNED', 2, 1, false],
  ]);
  const rate = Object.fromEntries(
    r.attendance.map((p: any) => [p.organisationName.split(' ')[1], [p.invited, p.present, p.rate]]),
  );
  expect(rate).toEqual({ kim: [2, 2, 1], jc: [2, 1, 0.5], aa: [1, 0, 0] });
  expect(r.decisions).toEqual([
    expect.objectContaining({
      title: 'Sprachkursangebot ausweiten',
      outcome: 'ADOPTED',
      number: expect.stringMatching(/^\d{4}\/0*1$/),
      followUpTasks: [{ title: 'Träger anfragen', status: 'OPEN', dueOn: null }],
    }),
  ]);
});

it('issues a bounded number of SQL statements and gives the same numbers for the same period', async () => {
  const first = await t.gql(REPORT, { a: a.allianceId, ...YEAR }, a.users.coord.token);
  const second = await t.gql(REPORT, { a: a.allianceId, ...YEAR }, a.users.coord.token);
  expect(second.data).toEqual(first.data);
  expect(second.statements).toBeLessThanOrEqual(15);
});
