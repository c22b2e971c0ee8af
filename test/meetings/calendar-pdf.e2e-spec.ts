import ICAL from 'ical.js';
import request from 'supertest';
import { type BuiltAlliance, expectData } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, run, schedule } from './fixtures.js';

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
      expect(text).toContain('ENTWURF (DRAFT)');
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
