import { startTestApp, type TestApp } from '../utils/test-app.js';
import {
  aPublicRecord,
  checkObject,
  crawl,
  type Fetched,
  get,
  nullsIn,
  pdfText,
  PUBLIC_URL,
  type PublicRecord,
  ROOT,
  SECRET,
} from './helpers.js';

const O = `${PUBLIC_URL}/oparl/v1.1`;
const isList = (f: Fetched) => f.body && typeof f.body === 'object' && 'data' in f.body;

describe('OParl 1.1: a crawler from the System through every link and every page', () => {
  let t: TestApp;
  let r: PublicRecord;
  let pages: Map<string, Fetched>;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    r = await aPublicRecord(t);
    pages = await crawl(t, { limit: 1 });
  }, 300_000);
  afterAll(() => t.close());

  it('reaches every object type of the public record, each link answering 200', () => {
    const broken = [...pages.values()].filter((p) => p.status !== 200).map((p) => `${p.status} ${p.url}`);
    expect(broken).toEqual([]);
    const types = new Set<string>();
    const collect = (o: any): void => {
      if (Array.isArray(o)) o.forEach(collect);
      else if (o && typeof o === 'object' && !Buffer.isBuffer(o)) {
        if (typeof o.type === 'string') types.add(o.type.replace('https://schema.oparl.org/1.1/', ''));
        Object.values(o).forEach(collect);
      }
    };
    pages.forEach((p) => collect(p.body));
    expect([...types].sort()).toEqual(
      [
        'AgendaItem',
        'Body',
        'Consultation',
        'File',
        'LegislativeTerm',
        'Location',
        'Meeting',
        'Organization',
        'Paper',
        'System',
      ].sort(),
    );
    expect(pages.size).toBeGreaterThan(40);
  });

  it('every object has the fields and types the specification requires, its canonical id, created and modified, and no null', () => {
    const problems: string[] = [];
    for (const page of pages.values()) {
      if (!page.text) continue;
      for (const path of nullsIn(page.body)) problems.push(`${page.url}: null at ${path}`);
      if (isList(page)) {
        page.body.data.forEach((o: any, i: number) => checkObject(o, `${page.url} data[${i}]`, problems));
      } else {
        checkObject(page.body, page.url, problems);
        if (page.body.id !== page.url) problems.push(`${page.url}: id is ${page.body.id}`);
      }
    }
    expect(problems).toEqual([]);
    const system = pages.get(ROOT)!.body;
    expect(system).toMatchObject({ oparlVersion: 'https://schema.oparl.org/1.1/', body: `${O}/bodies` });
    const body = pages.get(`${O}/bodies/${r.a.allianceId}`)!.body;
    expect(body).toMatchObject({
      system: ROOT,
      contactEmail: 'buendnis@teststadt.example',
      person: `${O}/bodies/${r.a.allianceId}/people`,
      legislativeTerm: [expect.objectContaining({ startDate: '2026-01-01', endDate: '2028-12-31' })],
    });
  });

  it('lists page with data, pagination and links: next on every page but the last, filters kept, totals right', () => {
    const problems: string[] = [];
    const starts = [...pages.values()].filter((p) => isList(p) && /\?limit=1$/.test(p.url));
    expect(starts.length).toBe(5); // bodies; organizations, people, meetings, papers of the one body
    for (const start of starts) {
      let page: Fetched | undefined = start;
      let count = 0;
      const ids: string[] = [];
      while (page) {
        const { data, pagination, links }: { data: any[]; pagination: any; links: Record<string, string> } =
          page.body;
        if (!Array.isArray(data) || typeof pagination !== 'object' || typeof links !== 'object')
          problems.push(`${page.url}: not a list page`);
        count += data.length;
        ids.push(...data.map((o: any) => o.id));
        if (links.first !== start.url) problems.push(`${page.url}: first is ${links.first}`);
        for (const l of Object.values<string>(links))
          if (!l.includes('limit=1')) problems.push(`${page.url}: filter lost in ${l}`);
        const last = count >= pagination.totalElements;
        if (!last && !links.next) problems.push(`${page.url}: no next before the end`);
        if (last && links.next) problems.push(`${page.url}: next on the last page`);
        page = links.next ? pages.get(links.next) : undefined;
        if (links.next && !page) problems.push(`${links.next} not crawled`);
      }
      if (count !== start.body.pagination.totalElements) problems.push(`${start.url}: ${count} elements`);
      if (new Set(ids).size !== ids.length) problems.push(`${start.url}: an object on two pages`);
    }
    expect(problems).toEqual([]);
    const meetings = starts.find((s) => s.url.includes('/meetings?'))!;
    expect(meetings.body.pagination.totalElements).toBe(3); // the two approved and the upcoming one
    const papers = starts.find((s) => s.url.includes('/papers?'))!;
    expect(papers.body.pagination.totalElements).toBe(5); // three decisions, two amendments
    expect(starts.find((s) => s.url.includes('/people?'))!.body.pagination.totalElements).toBe(0);
  });

  it('every answer carries CORS *, Last-Modified and JSON or PDF; SQL statements per request are bounded', () => {
    for (const page of pages.values()) {
      expect(page.headers['access-control-allow-origin']).toBe('*');
      expect(Number.isNaN(Date.parse(page.headers['last-modified']))).toBe(false);
      expect(page.headers['content-type']).toMatch(/^application\/(json|pdf)/);
      expect(page.statements).toBeLessThanOrEqual(5);
    }
  });

  it('decisions are papers with their number as reference, an authoritative consultation, and amendments linked both ways', () => {
    const papers = [...pages.values()].filter((p) => p.url.startsWith(`${O}/papers/`)).map((p) => p.body);
    const amended = papers.filter((p) => p.subordinatedPaper?.length);
    const amending = papers.filter((p) => p.superordinatedPaper?.length);
    expect(amended).toHaveLength(2);
    expect(amending).toHaveLength(2);
    for (const p of amending) {
      const target = papers.find((x) => x.id === p.superordinatedPaper[0]);
      expect(target.subordinatedPaper).toContain(p.id);
    }
    for (const p of papers) {
      expect(p.reference).toMatch(/^\d{4}\/\d{3}$/);
      expect(p.consultation).toEqual([expect.objectContaining({ authoritative: true, paper: p.id })]);
    }
    const item = [...pages.values()].find(
      (p) => p.url.startsWith(`${O}/agenda-items/`) && p.body.result,
    )!.body;
    expect(item).toMatchObject({
      public: true,
      result: 'angenommen',
      resolutionText: expect.stringMatching(/^Beschluss \d{4}\/\d{3}/),
    });
  });

  it('approved minutes are the resultsProtocol: accessUrl inline, downloadUrl as an attachment with a file name', async () => {
    const meeting = pages.get(`${O}/meetings/${r.approvedMeetingId}`)!.body;
    const file = meeting.resultsProtocol;
    expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) });
    const access = pages.get(file.accessUrl)!;
    const download = pages.get(file.downloadUrl)!;
    expect(access.headers['content-disposition']).toBeUndefined();
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${file.fileName}"`);
    const text = await pdfText(download.body);
    expect(text).toContain(meeting.name);
    expect(text).toContain('Beschluss');
    expect(pages.get(`${O}/meetings/${r.upcomingMeetingId}`)!.body.resultsProtocol).toBeUndefined();
  });

  it('filters: created and modified bounds, deleted objects only with modified_since, kept in the links', async () => {
    const list = `${O}/bodies/${r.a.allianceId}/meetings`;
    const plain = await get(t, list);
    expect(plain.body.data.map((m: any) => m.id)).not.toContain(`${O}/meetings/${r.withdrawnMeetingId}`);
    const since = encodeURIComponent(r.beforeWithdrawal);
    const changed = await get(t, `${list}?modified_since=${since}&limit=1`);
    expect(changed.body.links.first).toBe(`${list}?modified_since=${since}&limit=1`);
    expect(changed.body.links.next).toContain(`modified_since=${since}`);
    const all: any[] = [];
    for (let page: Fetched | null = changed; page;) {
      all.push(...page.body.data);
      page = page.body.links.next ? await get(t, page.body.links.next) : null;
    }
    const withdrawn = all.find((m) => m.id === `${O}/meetings/${r.withdrawnMeetingId}`);
    expect(withdrawn).toEqual({
      id: `${O}/meetings/${r.withdrawnMeetingId}`,
      type: 'https://schema.oparl.org/1.1/Meeting',
      created: expect.any(String),
      modified: expect.any(String),
      deleted: true,
    });
    expect(Date.parse(withdrawn.modified)).toBeGreaterThanOrEqual(Date.parse(r.beforeWithdrawal));
    // The upcoming meeting changed (an agenda item removed); the approved ones did not.
    expect(all.map((m) => m.id)).toContain(`${O}/meetings/${r.upcomingMeetingId}`);
    expect(all.map((m) => m.id)).not.toContain(`${O}/meetings/${r.approvedMeetingId}`);

    expect((await get(t, `${list}?created_until=2000-01-01T00:00:00Z`)).body.data).toEqual([]);
    expect((await get(t, `${list}?created_since=2999-01-01T00:00:00%2B01:00`)).body.data).toEqual([]);
    expect((await get(t, `${list}?modified_until=2999-01-01T00:00:00Z`)).body.data).toHaveLength(3);
    const future = await get(t, `${list}?modified_since=2999-01-01T00:00:00Z`);
    expect(future.body).toMatchObject({ data: [], pagination: { totalElements: 0 } });

    // An alliance that opted out again: a deleted Body, listed only with modified_since.
    const bodies = await get(t, `${O}/bodies`);
    expect(bodies.body.data.map((b: any) => b.id)).toEqual([`${O}/bodies/${r.a.allianceId}`]);
    const withDeleted = await get(t, `${O}/bodies?modified_since=${since}`);
    expect(withDeleted.body.data).toContainEqual(
      expect.objectContaining({ id: `${O}/bodies/${r.withdrawnAllianceId}`, deleted: true }),
    );
    expect((await get(t, `${O}/bodies/${r.withdrawnAllianceId}`)).body.deleted).toBe(true);
    expect((await get(t, `${O}/agenda-items/${r.removedAgendaItemId}`)).body).toMatchObject({
      deleted: true,
    });
  });

  it('answers OParl error objects: 404 for what is not public, 400 naming a malformed filter; If-Modified-Since gives 304', async () => {
    for (const url of [
      `${O}/meetings/${r.internalMeetingId}`,
      `${O}/bodies/${r.hiddenAllianceId}`,
      `${O}/files/${r.internalMeetingId}`,
      `${O}/meetings/not-an-id`,
      `${O}/persons/1`,
    ]) {
      const res = await get(t, url);
      expect(res.status).toBe(404);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.body).toEqual({
        type: 'https://schema.oparl.org/1.1/Error',
        message: expect.stringContaining('nicht öffentlich'),
        debug: 'NOT_FOUND',
      });
    }
    const bad = await get(t, `${O}/bodies?modified_since=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Error',
      message: expect.stringContaining('modified_since'),
      debug: 'BAD_USER_INPUT: modified_since',
    });
    expect((await get(t, `${O}/bodies?limit=0`)).body.debug).toBe('BAD_USER_INPUT: limit');

    const body = await get(t, `${O}/bodies/${r.a.allianceId}`);
    const again = await get(t, body.url, { 'if-modified-since': body.headers['last-modified'] });
    expect(again.status).toBe(304);
    const older = new Date(Date.parse(body.headers['last-modified']) - 1000).toUTCString();
    expect((await get(t, body.url, { 'if-modified-since': older })).status).toBe(200);
  });
});

describe('OParl 1.1: nothing internal is reachable', () => {
  let t: TestApp;
  let r: PublicRecord;
  let pages: Map<string, Fetched>;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    r = await aPublicRecord(t);
    pages = await crawl(t, { limit: 2 });
  }, 300_000);
  afterAll(() => t.close());

  it('no internal meeting, person, attendance, task or case data in any answer or file', async () => {
    const texts: string[] = [];
    for (const page of pages.values())
      texts.push(page.text || (Buffer.isBuffer(page.body) ? await pdfText(page.body) : ''));
    const all = texts.join('\n');
    expect(all).toContain('Öffentliche Lenkungsgruppe');
    const users = (await t.db.query('SELECT display_name, email FROM users')).rows;
    const forbidden = [
      SECRET.internalMeeting,
      SECRET.internalDecision,
      SECRET.internalText,
      SECRET.withdrawnMeeting,
      SECRET.hiddenAllianceMeeting,
      SECRET.clientFamilyName,
      SECRET.clientGivenName,
      r.caseReference,
      r.internalMeetingId,
      r.hiddenAllianceId,
      'Aufgabe 0a', // follow-up tasks
      ...SECRET.personNames,
      ...users.flatMap((u: any) => [u.email]),
      ...users.map((u: any) => u.display_name).filter((n: string) => n.length > 8),
      ...Object.values(r.a.users).map((u) => u.id),
      'attendee',
      'participant',
      'Person"',
    ];
    expect(forbidden.filter((s) => all.includes(s))).toEqual([]);
  });
});
