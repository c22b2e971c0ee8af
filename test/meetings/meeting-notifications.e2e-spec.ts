import ICAL from 'ical.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MeetingNoticesService } from '../../libs/meetings/src/index.js';
import { anAlliance, type BuiltAlliance, expectData } from '../utils/builders.js';
import { type ReceivedMail, TestSmtpServer } from '../utils/smtp.js';
import { until } from '../utils/eventually.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, run, schedule } from './fixtures.js';

const LIST = `{ notifications(first: 50) { totalCount edges { node { kind objectId text(language: de) } } } }`;

/** The iCalendar part of a delivered mail, parsed with ical.js. */
function calendarOf(mail: ReceivedMail) {
  const part = mail.attachments.find((x) => x.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no text/calendar part in "${mail.subject}"`);
  const cal = new ICAL.Component(ICAL.parse(part.content));
  const event = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    summary: event.getFirstPropertyValue('summary'),
    description: String(event.getFirstPropertyValue('description')),
    organizer: String(event.getFirstPropertyValue('organizer')),
    start: (event.getFirstPropertyValue('dtstart') as any).toString(),
    tzid: event.getFirstProperty('dtstart')!.getParameter('tzid'),
  };
}

describe('meeting notifications: invitation with iCalendar, update, cancellation, agenda, minutes', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let other: BuiltAlliance;
  let notices: MeetingNoticesService;

  /** The background fan-out has caught up. */
  async function fannedOut(): Promise<void> {
    await until(async () => (await notices.pending()) === 0, { what: 'the meeting notices fanned out' });
  }
  const notificationsOf = async (token: string) => (await expectData(t, LIST, {}, token)).notifications;
  const kindsOf = async (token: string, meetingId: string) =>
    (await notificationsOf(token)).edges
      .filter((e: any) => e.node.objectId === meetingId)
      .map((e: any) => e.node.kind);

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://buendnis.example' });
    a = await aMeetingAlliance(t);
    other = await anAlliance(t, {
      partners: { x: {} },
      users: { coord: { org: 'x', roles: ['COORDINATOR'] } },
    });
    notices = t.app.get(MeetingNoticesService);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('invites the members of the invited partners with an iCalendar REQUEST, updates it (SEQUENCE raised) and cancels it', async () => {
    // Partners a and b invited: their members hear it; c's, d's and the other alliance's do not.
    const m = await schedule(t, a, {
      invitedPartnerIds: [a.partners.a, a.partners.b],
      title: 'Lenkungsgruppe Sprache',
    });
    await fannedOut();
    const invited = [a.users.member, a.users.admin, a.users.fac, a.users.memberB];
    const notInvited = [a.users.fac2, a.users.observer, other.users.coord];
    await smtp.waitFor(() => invited.every((u) => smtp.to(u.email).length === 1));
    for (const u of invited) expect(await kindsOf(u.token, m.id)).toEqual(['MEETING_INVITATION']);
    // The coordinator scheduled it: nobody is told about their own change.
    for (const u of [...notInvited, a.users.coord]) {
      expect(await kindsOf(u.token, m.id)).toEqual([]);
      expect(smtp.to(u.email)).toEqual([]);
    }
    const [invitation] = smtp.to(a.users.memberB.email);
    expect(invitation.subject).toContain('Lenkungsgruppe Sprache');
    const request = calendarOf(invitation);
    expect(request).toMatchObject({
      method: 'REQUEST',
      uid: `${m.id}@buendnisportal`,
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Lenkungsgruppe Sprache',
      tzid: 'Europe/Berlin',
    });
    expect(request.description).toContain(`https://buendnis.example/sitzungen/${m.id}`);
    expect(request.organizer.toLowerCase()).toContain('mailto:');

    // A change: the same UID with a higher SEQUENCE, so calendars update their entry.
    await expectData(
      t,
      'mutation($id: ID!, $i: UpdateMeetingInput!) { updateMeeting(id: $id, input: $i) { id } }',
      { id: m.id, i: { location: 'Rathaus, Raum 2' } },
      a.users.coord.token,
    );
    await fannedOut();
    await smtp.waitFor(() => smtp.to(a.users.memberB.email).length === 2);
    const update = calendarOf(smtp.to(a.users.memberB.email)[1]);
    expect(update).toMatchObject({ method: 'REQUEST', uid: request.uid, sequence: 1 });

    await expectData(
      t,
      'mutation($id: ID!) { cancelMeeting(id: $id, reason: "Krankheit") { id } }',
      { id: m.id },
      a.users.coord.token,
    );
    await fannedOut();
    await smtp.waitFor(() => smtp.to(a.users.memberB.email).length === 3);
    const cancel = calendarOf(smtp.to(a.users.memberB.email)[2]);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: request.uid, sequence: 2, status: 'CANCELLED' });
    expect(await kindsOf(a.users.memberB.token, m.id)).toEqual([
      'MEETING_CANCELLED',
      'MEETING_CHANGED',
      'MEETING_INVITATION',
    ]);
    for (const u of notInvited) expect(smtp.to(u.email)).toEqual([]);
  });

  it('agenda changed, minutes ready for approval (once) and minutes approved with the PDF link reach the invited members only', async () => {
    await expectData(
      t,
      'mutation { setNotificationPreference(kind: MINUTES_APPROVED, delivery: IMMEDIATE) { kind } }',
      {},
      a.users.memberB.token,
    );
    const m = await schedule(t, a, { invitedPartnerIds: [a.partners.b, a.partners.c], title: 'AG Arbeit' });
    const fac = a.users.fac.token;
    await expectData(
      t,
      'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
      { i: { meetingId: m.id, title: 'Jobmesse' } },
      fac,
    );
    await run(t, fac, 'startMeeting', m.id);
    await run(t, fac, 'adjournMeeting', m.id);
    for (const text of ['Entwurf', 'Entwurf 2'])
      await expectData(
        t,
        'mutation($m: ID!, $x: String!) { saveMinutes(meetingId: $m, text: $x) { status } }',
        { m: m.id, x: text },
        fac,
      );
    await expectData(t, 'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }', { m: m.id }, fac);
    await fannedOut();
    const expected = ['MINUTES_APPROVED', 'MINUTES_READY', 'AGENDA_CHANGED', 'MEETING_INVITATION'];
    expect(await kindsOf(a.users.memberB.token, m.id)).toEqual(expected);
    expect(await kindsOf(a.users.fac2.token, m.id)).toEqual(expected);
    // The facilitator (org b) made every change after the scheduling; a, d and the other alliance were not invited.
    expect(await kindsOf(a.users.fac.token, m.id)).toEqual(['MEETING_INVITATION']);
    for (const u of [a.users.member, a.users.observer, other.users.coord])
      expect(await kindsOf(u.token, m.id)).toEqual([]);
    const approved = (await notificationsOf(a.users.memberB.token)).edges.find(
      (e: any) => e.node.objectId === m.id && e.node.kind === 'MINUTES_APPROVED',
    ).node;
    const pdf = `https://buendnis.example/meetings/${m.id}/minutes.pdf`;
    expect(approved.text).toContain(pdf);
    await smtp.waitFor(() =>
      smtp.to(a.users.memberB.email).some((x) => x.subject.includes('Protokoll genehmigt')),
    );
    const mail = smtp.to(a.users.memberB.email).find((x) => x.subject.includes('Protokoll genehmigt'))!;
    expect(mail.text).toContain(pdf);
    expect(mail.subject).toContain('AG Arbeit');
  });

  it('a scheduling request costs the same statements for 5 and for 500 recipients; the fan-out reaches all of them later', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const statementsFor = async (members: number) => {
      const b = await anAlliance(t, {
        partners: { big: {}, chair: {} },
        users: {
          coord: { org: 'chair', roles: ['COORDINATOR'] },
          fac: { org: 'chair', roles: ['FACILITATOR'] },
        },
      });
      // Fixture rows: `members` members of partner "big", written set-based.
      await dataSource.query(
        `WITH u AS (
           INSERT INTO users (email, display_name, organisation_id, password_hash)
           SELECT 'm' || i || '-' || $3 || '@scale.example', 'Mitglied ' || i, $2, 'x' FROM generate_series(1, $4) i
           RETURNING id)
         INSERT INTO memberships (alliance_id, user_id, roles) SELECT $1, id, ARRAY['MEMBER'] FROM u`,
        [b.allianceId, b.orgs.big, b.allianceId.slice(0, 8), members],
      );
      const res = await t.gql(
        `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`,
        {
          i: {
            allianceId: b.allianceId,
            title: 'Plenum',
            kind: 'PLENARY',
            startsAt: '2027-01-12T09:00:00Z',
            endsAt: '2027-01-12T11:00:00Z',
            facilitatorId: b.users.fac.id,
            invitedPartnerIds: [b.partners.big, b.partners.chair],
          },
        },
        b.users.coord.token,
      );
      expect(res.errors).toBeUndefined();
      await fannedOut();
      const [{ n }] = await dataSource.query(
        `SELECT recipients AS n FROM meeting_notices WHERE meeting_id = $1`,
        [res.data.scheduleMeeting.id],
      );
      return { statements: res.statements, recipients: n };
    };
    const small = await statementsFor(5);
    const large = await statementsFor(500);
    expect(small.recipients).toBe(5 + 1); // the members and the facilitator (the coordinator acted)
    expect(large.recipients).toBe(500 + 1);
    expect(large.statements).toBe(small.statements);
  });
});
