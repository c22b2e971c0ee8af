import ICAL from 'ical.js';
import request from 'supertest';
import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, run, schedule } from './fixtures.js';
import { MEETING_KIND_NAME, MeetingKind } from '../../libs/meetings/src/index.js';
import { word } from '../../libs/reporting/src/export/labels.js';
import { MESSAGES } from '../../apps/web/src/messages.js';

const ROTATE = 'mutation { rotateCalendarFeed { url createdAt } }';

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs: any = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buffer),
    standardFontDataUrl,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it: any) => it.str).join(' '));
  }
  await doc.destroy();
  return pages.join('\n').replace(/\s+/g, ' ');
}

function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('meetings: calendar feed and printable minutes', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  beforeAll(async () => {
    t = await startTestApp();
    a = await aMeetingAlliance(t);
  });
  afterAll(() => t.close());

  const feedPath = (url: string) => new URL(url).pathname;
  const fetchFeed = (url: string) => request(t.http).get(feedPath(url));

  function events(ics: string) {
    const cal = new ICAL.Component(ICAL.parse(ics));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    return cal.getAllSubcomponents('vevent').map((c: any) => new ICAL.Event(c));
  }

  it('names each kind of meeting alike in the interface, the minutes, the calendar, OParl and the report', () => {
    for (const kind of Object.values(MeetingKind)) {
      expect(MESSAGES[`enum.MeetingKind.${kind}`][0]).toBe(MEETING_KIND_NAME[kind]);
      expect(word('de', kind)).toBe(MEETING_KIND_NAME[kind]);
    }
    expect(MEETING_KIND_NAME.STEERING_GROUP).toBe('Lenkungsgruppe');
  });

  describe('calendar feed', () => {
    it("serves the meetings of the user's alliances in Europe/Berlin; updates raise SEQUENCE; cancelled ones are CANCELLED", async () => {
      const summer = await schedule(t, a, {
        title: 'Sommer-Plenum',
        kind: 'PLENARY',
        startsAt: '2026-07-01T08:00:00.000Z',
        endsAt: '2026-07-01T10:00:00.000Z',
      });
      const winter = await schedule(t, a, {
        title: 'Winter-Lenkungsgruppe',
        startsAt: '2026-12-10T13:30:00.000Z',
        endsAt: '2026-12-10T15:00:00.000Z',
      });
      const other = await aMeetingAlliance(t);
      await schedule(t, other, { title: 'Fremdes Bündnis' });
      for (const title of ['Bericht der Koordination', 'Sprachkurse 2027'])
        await expectData(
          t,
          'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
          { i: { meetingId: summer.id, title } },
          a.users.coord.token,
        );

      const rotated = await t.gql(ROTATE, {}, a.users.member.token);
      expect(rotated.errors).toBeUndefined();
      const url: string = rotated.data.rotateCalendarFeed.url;
      expect(url).toMatch(/^http:\/\/.+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const got = await t.gql('query { calendarFeed { url } }', {}, a.users.member.token);
      expect(feedPath(got.data.calendarFeed.url)).toBe(feedPath(url));
      // Only a hash is stored.
      const token = feedPath(url).slice('/calendar/'.length, -'.ics'.length);
      const stored = await t.db.query('SELECT token_hash FROM calendar_feeds WHERE user_id = $1', [
        a.users.member.id,
      ]);
      expect(stored.rows[0].token_hash).not.toContain(token);

      const res = await fetchFeed(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const evs = events(res.text);
      const byTitle = new Map(evs.map((e: any) => [e.summary, e]));
      expect([...byTitle.keys()].sort()).toEqual(['Sommer-Plenum', 'Winter-Lenkungsgruppe']);
      const s: any = byTitle.get('Sommer-Plenum');
      // The description leads back to the meeting and its agenda in the portal.
      const link = `${t.config.people.publicUrl}/sitzungen/${summer.id}`;
      expect(s.description).toContain('Tagesordnung:\n1. Bericht der Koordination\n2. Sprachkurse 2027');
      expect(s.description).toContain(`Sitzung im Bündnisportal: ${link}`);
      expect(s.description).toContain(`Tagesordnung im Bündnisportal: ${link}#agenda`);
      expect(s.component.getFirstPropertyValue('url')).toBe(link);
      expect(s.component.getFirstProperty('dtstart').getParameter('tzid')).toBe('Europe/Berlin');
      expect(s.startDate.zone.tzid).toBe('Europe/Berlin');
      expect(s.startDate.hour).toBe(10); // CEST: UTC+2
      expect(s.startDate.toJSDate().toISOString()).toBe('2026-07-01T08:00:00.000Z');
      const w: any = byTitle.get('Winter-Lenkungsgruppe');
      expect(w.startDate.hour).toBe(14); // CET: UTC+1
      expect(w.endDate.toJSDate().toISOString()).toBe('2026-12-10T15:00:00.000Z');
      expect(s.uid).toBe(`${summer.id}@buendnisportal`);
      expect(s.sequence).toBe(0);
      expect(s.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

      await expectData(
        t,
        'mutation($id: ID!) { updateMeeting(id: $id, input: { startsAt: "2026-07-01T09:00:00.000Z", location: "Stadthaus" }) { id } }',
        { id: summer.id },
        a.users.coord.token,
      );
      await expectData(
        t,
        'mutation($id: ID!) { updateMeeting(id: $id, input: { endsAt: "2026-07-01T12:00:00.000Z" }) { id } }',
        { id: summer.id },
        a.users.coord.token,
      );
      await expectData(
        t,
        'mutation($id: ID!) { cancelMeeting(id: $id, reason: "Krankheit") { id } }',
        { id: winter.id },
        a.users.coord.token,
      );
      const after = new Map(events((await fetchFeed(url)).text).map((e: any) => [e.uid, e]));
      const s2: any = after.get(`${summer.id}@buendnisportal`);
      expect(s2.sequence).toBe(2);
      expect(s2.startDate.hour).toBe(11);
      expect(s2.location).toBe('Stadthaus');
      const w2: any = after.get(`${winter.id}@buendnisportal`);
      expect(w2.sequence).toBeGreaterThan(0);
      expect(w2.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    });

    it('rotating revokes the old URL; revoking ends the feed; unknown tokens are 404', async () => {
      const first = (await expectData(t, ROTATE, {}, a.users.observer.token)).rotateCalendarFeed.url;
      expect((await fetchFeed(first)).status).toBe(200);
      const second = (await expectData(t, ROTATE, {}, a.users.observer.token)).rotateCalendarFeed.url;
      expect(feedPath(second)).not.toBe(feedPath(first));
      expect((await fetchFeed(first)).status).toBe(404);
      expect((await fetchFeed(second)).status).toBe(200);
      expect(
        (await expectData(t, 'mutation { revokeCalendarFeed }', {}, a.users.observer.token))
          .revokeCalendarFeed,
      ).toBe(true);
      expect((await fetchFeed(second)).status).toBe(404);
      expect(
        (await t.gql('query { calendarFeed { url } }', {}, a.users.observer.token)).data.calendarFeed,
      ).toBeNull();
      expect((await request(t.http).get('/calendar/not-a-token.ics')).status).toBe(404);
      expect(codes(await t.gql(ROTATE, {}))).toEqual(['UNAUTHENTICATED']);
      const audit = await t.db.query(
        "SELECT action FROM audit_entries WHERE actor_id = $1 AND entity_type = 'CalendarFeed' ORDER BY sequence",
        [a.users.observer.id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'rotateCalendarFeed',
        'rotateCalendarFeed',
        'revokeCalendarFeed',
      ]);
    });

    it('a user who leaves the alliance no longer sees its meetings in the feed', async () => {
      const b = await aMeetingAlliance(t);
      await schedule(t, b, { title: 'Nur für Mitglieder' });
      const url = (await expectData(t, ROTATE, {}, b.users.memberB.token)).rotateCalendarFeed.url;
      expect(events((await fetchFeed(url)).text).map((e: any) => e.summary)).toEqual(['Nur für Mitglieder']);
      await expectData(
        t,
        'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
        { i: { allianceId: b.allianceId, userId: b.users.memberB.id, roles: [] } },
        b.users.admin.token,
      );
      expect(events((await fetchFeed(url)).text)).toEqual([]);
    });
  });

  describe('printable minutes (PDF)', () => {
    async function heldMeeting() {
      const m = await schedule(t, a, { title: 'Auftaktsitzung' });
      const fac = a.users.fac.token;
      await expectData(
        t,
        'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
        { i: { meetingId: m.id, title: 'Ziele für Krefeld' } },
        fac,
      );
      await run(t, fac, 'startMeeting', m.id);
      await expectData(
        t,
        'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }',
        {
          i: { meetingId: m.id, partnerId: a.partners.a, status: 'PRESENT', attendeeIds: [a.users.coord.id] },
        },
        fac,
      );
      const d1 = await expectData(
        t,
        'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { number } }',
        {
          i: {
            meetingId: m.id,
            title: 'Sprachförderung',
            text: 'Das Bündnis baut die Sprachförderung aus.',
            outcome: 'ADOPTED',
            votesFor: 8,
            votesAgainst: 1,
            abstentions: 2,
            followUpTasks: [
              { title: 'Kursangebot erheben', leadPartnerId: a.partners.b, dueOn: '2026-12-31' },
            ],
          },
        },
        fac,
      );
      const d2 = await expectData(
        t,
        'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { number } }',
        { i: { meetingId: m.id, title: 'Vertagt', text: 'Später.', outcome: 'DEFERRED' } },
        fac,
      );
      await run(t, fac, 'adjournMeeting', m.id);
      await expectData(
        t,
        'mutation($m: ID!, $x: String!) { saveMinutes(meetingId: $m, text: $x) { status } }',
        { m: m.id, x: '## Verlauf\n\n- Begrüßung durch die **Sitzungsleitung**' },
        fac,
      );
      return { m, numbers: [d1.recordDecision.number, d2.recordDecision.number] };
    }

    const getPdf = (id: string, token?: string) => {
      const req = request(t.http).get(`/meetings/${id}/minutes.pdf`).buffer(true).parse(binary);
      if (token) req.set('authorization', `Bearer ${token}`);
      return req;
    };

    it('prints title, attendance, agenda, numbered decisions with votes and follow-up tasks; DRAFT until approved, then the approval note', async () => {
      const { m, numbers } = await heldMeeting();
      const draft = await getPdf(m.id, a.users.observer.token);
      expect(draft.status).toBe(200);
      expect(draft.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(draft.body);
      expect(text).toContain('Protokoll: Auftaktsitzung');
      expect(text).toContain('ENTWURF – Protokoll noch nicht genehmigt');
      expect(text).not.toContain('DRAFT');
      expect(text).toMatch(/Seite 1 von \d/);
      expect(text).toContain('Protokoll: User fac'); // the minute-taker
      expect(text).toContain('Lenkungsgruppe');
      for (const n of numbers) expect(text).toContain(`Beschluss ${n}`);
      expect(text).toContain('Ja 8 · Nein 1 · Enthaltungen 2');
      expect(text).toContain('angenommen');
      expect(text).toContain('vertagt');
      expect(text).toContain('Kursangebot erheben');
      expect(text).toContain('fällig am 31.12.2026');
      expect(text).toContain('TOP 1: Ziele für Krefeld');
      expect(text).toContain('User coord');
      expect(text).toContain('1 von 4 eingeladenen Partnern anwesend');

      await expectData(
        t,
        'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }',
        { m: m.id },
        a.users.fac.token,
      );
      const final = await pdfText((await getPdf(m.id, a.users.member.token)).body);
      expect(final).not.toContain('ENTWURF');
      expect(final).toMatch(/Genehmigt am .+ von User fac\./);
      for (const n of numbers) expect(final).toContain(`Beschluss ${n}`);
    });

    it('prints Turkish, Cyrillic and Arabic names intact, as a tagged PDF/UA document in German', async () => {
      const b = await aMeetingAlliance(t);
      const admin = await t.adminToken();
      const names = {
        turkish: 'Türk Kültür Derneği Şişli – Iğdır',
        arabic: 'مركز الجالية العربية',
        taker: 'Ольга Смирнова',
        attendee: 'فاطمة الزهراء',
      };
      const rename = (id: string, name: string) =>
        expectData(
          t,
          'mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id } }',
          { id, i: { name } },
          admin,
        );
      await rename(b.orgs.c, names.turkish);
      await rename(b.orgs.d, names.arabic);
      const person = async (displayName: string, org: string) =>
        (
          await expectData(
            t,
            'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
            {
              i: {
                email: `${org}-${Math.random().toString(36).slice(2)}@test.local`,
                displayName,
                organisationId: b.orgs[org],
                password: 'test-password-1234',
              },
            },
            admin,
          )
        ).createUser.id as string;
      const takerId = await person(names.taker, 'b');
      const attendeeId = await person(names.attendee, 'd');
      for (const [userId, roles] of [
        [takerId, ['FACILITATOR']],
        [attendeeId, ['MEMBER']],
      ] as const)
        await expectData(
          t,
          'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
          { i: { allianceId: b.allianceId, userId, roles } },
          admin,
        );
      const takerToken = await t.login(
        (await t.db.query('SELECT email FROM users WHERE id = $1', [takerId])).rows[0].email,
        'test-password-1234',
      );
      const m = await schedule(t, b, { title: 'Sitzung der Vielfalt', facilitatorId: takerId });
      await run(t, takerToken, 'startMeeting', m.id);
      await expectData(
        t,
        'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { status } }',
        { i: { meetingId: m.id, partnerId: b.partners.d, status: 'PRESENT', attendeeIds: [attendeeId] } },
        takerToken,
      );
      await run(t, takerToken, 'adjournMeeting', m.id);
      await expectData(
        t,
        'mutation($m: ID!, $x: String!) { saveMinutes(meetingId: $m, text: $x) { status } }',
        { m: m.id, x: `# Verlauf\n\n- ${names.arabic} berichtet.` },
        takerToken,
      );
      const res = await getPdf(m.id, b.users.member.token);
      const text = await pdfText(res.body);
      expect(text).toContain(names.turkish);
      expect(text).toContain(`Protokoll: ${names.taker}`);
      expect(text).toContain(`Sitzungsleitung: ${names.taker}`);
      expect(text).toMatch(/Seite 1 von 1/);
      // Arabic reads from the right: the page holds its words right to left, each word's letters
      // intact; the structure tree gives assistive technology each name in reading order.
      const compact = (x: string) => x.replace(/\s+/g, '');
      const fromTheRight = (rtl: string) => rtl.split(' ').reverse().join(' ');
      for (const name of [names.arabic, names.attendee])
        expect(compact(text)).toContain(compact(fromTheRight(name)));

      const pdfjs: any = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await pdfjs.getDocument({ data: new Uint8Array(res.body), isEvalSupported: false }).promise;
      expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
      const { info, metadata } = await doc.getMetadata();
      expect(info).toMatchObject({ Language: 'de-DE', Title: 'Protokoll: Sitzung der Vielfalt' });
      expect(info.PDFFormatVersion).toBe('1.7');
      expect(metadata.get('pdfuaid:part')).toBe('1');
      const roles: string[] = [];
      const actualTexts: string[] = [];
      const walk = (node: any) => {
        if (node.role) roles.push(node.role);
        if (node.role === 'Span' && node.alt) actualTexts.push(node.alt);
        for (const child of node.children ?? []) walk(child);
      };
      walk(await (await doc.getPage(1)).getStructTree());
      for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Span'])
        expect(roles).toContain(role);
      expect(actualTexts).toEqual(expect.arrayContaining([names.arabic, names.attendee]));
      await doc.destroy();
    });

    it('is authorised like the meeting: 401 without a token, 404 for outsiders and unknown ids', async () => {
      const m = await schedule(t, a);
      expect((await getPdf(m.id)).status).toBe(401);
      const other = await aMeetingAlliance(t);
      expect((await getPdf(m.id, other.users.coord.token)).status).toBe(404);
      expect((await getPdf('00000000-0000-4000-8000-000000000000', a.users.member.token)).status).toBe(404);
      expect((await getPdf('nonsense', a.users.member.token)).status).toBe(404);
      expect((await getPdf(m.id, a.users.member.token)).status).toBe(200);
    });
  });
});
