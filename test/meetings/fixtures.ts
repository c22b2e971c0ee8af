import { anAlliance, type BuiltAlliance, expectData } from '../utils/builders.js';
import type { TestApp } from '../utils/test-app.js';

export const MEETING_FIELDS =
  'id status title kind startsAt endsAt location quorate facilitator { id } invitedPartners { id }';

/** Four partners a–d; coordinator (org a), facilitator (org b), second facilitator (c), member (a), observer (d). */
export function aMeetingAlliance(t: TestApp): Promise<BuiltAlliance> {
  return anAlliance(t, {
    partners: {
      a: {},
      b: { kind: 'JOBCENTER' },
      c: { kind: 'WELFARE_ASSOCIATION' },
      d: { kind: 'MIGRANT_ORGANISATION' },
    },
    users: {
      coord: { org: 'a', roles: ['COORDINATOR'] },
      fac: { org: 'b', roles: ['FACILITATOR'] },
      fac2: { org: 'c', roles: ['FACILITATOR'] },
      member: { org: 'a', roles: ['MEMBER'] },
      memberB: { org: 'b', roles: ['MEMBER'] },
      observer: { org: 'd', roles: ['OBSERVER'] },
      admin: { org: 'a', roles: ['ALLIANCE_ADMIN'] },
    },
  });
}

let clock = Date.parse('2026-03-02T09:00:00Z');
/** Distinct, increasing meeting times, so "later meeting" comparisons are deterministic. */
export function nextSlot(): { startsAt: string; endsAt: string } {
  clock += 7 * 86_400_000;
  return { startsAt: new Date(clock).toISOString(), endsAt: new Date(clock + 2 * 3_600_000).toISOString() };
}

export async function schedule(
  t: TestApp,
  a: BuiltAlliance,
  overrides: Record<string, unknown> = {},
  token = a.users.coord.token,
) {
  const { scheduleMeeting } = await expectData(
    t,
    `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { ${MEETING_FIELDS} } }`,
    {
      i: {
        allianceId: a.allianceId,
        title: 'Lenkungsgruppe',
        kind: 'STEERING_GROUP',
        ...nextSlot(),
        location: 'Rathaus, Raum 1',
        facilitatorId: a.users.fac.id,
        invitedPartnerIds: [a.partners.a, a.partners.b, a.partners.c, a.partners.d],
        ...overrides,
      },
    },
    token,
  );
  return scheduleMeeting as { id: string; status: string; startsAt: string };
}

export async function run(t: TestApp, token: string, op: 'startMeeting' | 'adjournMeeting', id: string) {
  return expectData(t, `mutation($id: ID!) { ${op}(id: $id) { id status } }`, { id }, token);
}

export async function decide(
  t: TestApp,
  token: string,
  meetingId: string,
  extra: Record<string, unknown> = {},
) {
  const { recordDecision } = await expectData(
    t,
    'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id number outcome recordedAt } }',
    {
      i: {
        meetingId,
        title: 'Beschluss',
        text: 'Der Lenkungskreis beschließt.',
        outcome: 'ADOPTED',
        consensus: true,
        ...extra,
      },
    },
    token,
  );
  return recordDecision as { id: string; number: string; recordedAt: string };
}

/** A meeting taken through start, a decision, adjourn, minutes and approval. */
export async function approvedMeeting(t: TestApp, a: BuiltAlliance) {
  const m = await schedule(t, a);
  const fac = a.users.fac.token;
  await run(t, fac, 'startMeeting', m.id);
  const d = await decide(t, fac, m.id);
  await run(t, fac, 'adjournMeeting', m.id);
  await expectData(
    t,
    'mutation($m: ID!, $x: String!) { saveMinutes(meetingId: $m, text: $x) { status } }',
    { m: m.id, x: '# Protokoll\n\nAlles beschlossen.' },
    fac,
  );
  await expectData(t, 'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac);
  return { meeting: m, decision: d };
}

/** A held, approved meeting with `n` decisions (each with two follow-up tasks and an agenda item), half of them amended later. */
export async function meetingWith(t: TestApp, a: BuiltAlliance, n: number): Promise<string> {
  const fac = a.users.fac.token;
  const m = await schedule(t, a);
  await run(t, fac, 'startMeeting', m.id);
  for (const [key, attendees] of [
    ['a', [a.users.coord.id, a.users.member.id]],
    ['b', [a.users.fac.id, a.users.memberB.id]],
    ['c', [a.users.fac2.id]],
  ] as const) {
    await expectData(
      t,
      'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }',
      { i: { meetingId: m.id, partnerId: a.partners[key], status: 'PRESENT', attendeeIds: attendees } },
      fac,
    );
  }
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const item = await expectData(
      t,
      'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
      { i: { meetingId: m.id, title: `TOP ${i}`, presenterPartnerId: a.partners.c } },
      fac,
    );
    const d = await expectData(
      t,
      'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }',
      {
        i: {
          meetingId: m.id,
          agendaItemId: item.addAgendaItem.id,
          title: `Beschluss ${i}`,
          text: 'Text',
          outcome: 'ADOPTED',
          votesFor: 5,
          followUpTasks: [
            { title: `Aufgabe ${i}a`, leadPartnerId: a.partners.a },
            { title: `Aufgabe ${i}b`, leadPartnerId: a.partners.b },
          ],
        },
      },
      fac,
    );
    ids.push(d.recordDecision.id);
  }
  await run(t, fac, 'adjournMeeting', m.id);
  await expectData(
    t,
    'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Protokoll") { status } }',
    { m: m.id },
    fac,
  );
  await expectData(t, 'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac);
  const later = await schedule(t, a);
  await run(t, fac, 'startMeeting', later.id);
  for (const id of ids.filter((_, i) => i % 2 === 0)) {
    await expectData(
      t,
      'mutation($i: AmendDecisionInput!) { amendDecision(input: $i) { id } }',
      {
        i: {
          amendsId: id,
          meetingId: later.id,
          title: 'Änderung',
          text: 'T',
          outcome: 'ADOPTED',
          consensus: true,
        },
      },
      fac,
    );
  }
  return m.id;
}
