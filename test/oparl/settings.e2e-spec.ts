import { DemoSeederService } from '../../apps/api/src/demo/demo-seeder.service.js';
import { aMeetingAlliance, approvedMeeting, schedule } from '../meetings/fixtures.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { get, PUBLIC_URL } from './helpers.js';

const SET_RECORD = `mutation($i: SetAlliancePublicRecordInput!) { setAlliancePublicRecord(input: $i) {
  id publicRecord { published changedAt contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl } } }`;
const SET_PUBLIC =
  'mutation($m: ID!, $p: Boolean!) { setMeetingPublic(meetingId: $m, public: $p) { id public } }';
const O = `${PUBLIC_URL}/oparl/v1.1`;

describe('the public record settings: the alliance opt-in and the per-meeting public flag', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
  }, 300_000);
  afterAll(() => t.close());

  it('are off by default; an ALLIANCE_ADMIN opts in, a facilitator or COORDINATOR marks meetings public, also after approval', async () => {
    const a = await aMeetingAlliance(t);
    const { meeting } = await approvedMeeting(t, a);
    const before = await t.gql(
      'query($a: ID!, $m: ID!) { alliance(id: $a) { publicRecord { published oparlUrl } } meeting(id: $m) { public } }',
      { a: a.allianceId, m: meeting.id },
      a.users.member.token,
    );
    expect(before.data).toEqual({
      alliance: { publicRecord: { published: false, oparlUrl: null } },
      meeting: { public: false },
    });
    expect((await get(t, `${O}/bodies`)).body.data).toEqual([]);

    const on = await t.gql(
      SET_RECORD,
      { i: { allianceId: a.allianceId, published: true, fundingPeriodStart: '2026-01-01' } },
      a.users.admin.token,
    );
    expect(on.data.setAlliancePublicRecord.publicRecord).toMatchObject({
      published: true,
      changedAt: expect.any(String),
      fundingPeriodStart: '2026-01-01',
      fundingPeriodEnd: null,
      oparlUrl: `${O}/bodies/${a.allianceId}`,
    });
    const pub = await t.gql(SET_PUBLIC, { m: meeting.id, p: true }, a.users.fac.token);
    expect(pub.data.setMeetingPublic).toEqual({ id: meeting.id, public: true });
    const meetings = await get(t, `${O}/bodies/${a.allianceId}/meetings`);
    expect(meetings.body.data.map((m: any) => m.id)).toEqual([`${O}/meetings/${meeting.id}`]);

    const audit = await t.db.query(
      "SELECT action, changed_fields FROM audit_entries WHERE entity_id = ANY($1) AND action LIKE 'set%' ORDER BY sequence",
      [[a.allianceId, meeting.id]],
    );
    expect(audit.rows).toEqual([
      { action: 'setAlliancePublicRecord', changed_fields: ['fundingPeriodStart', 'published'] },
      { action: 'setMeetingPublic', changed_fields: ['public'] },
    ]);
  }, 180_000);

  it('refuses others with NOT_FOUND or FORBIDDEN and bad input with the field, writing nothing', async () => {
    const a = await aMeetingAlliance(t);
    const other = await aMeetingAlliance(t);
    const m = await schedule(t, a);
    expect(
      codes(
        await t.gql(SET_RECORD, { i: { allianceId: a.allianceId, published: true } }, a.users.coord.token),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t.gql(
          SET_RECORD,
          { i: { allianceId: a.allianceId, published: true } },
          other.users.admin.token,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(SET_PUBLIC, { m: m.id, p: true }, a.users.member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SET_PUBLIC, { m: m.id, p: true }, a.users.fac2.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SET_PUBLIC, { m: m.id, p: true }, other.users.coord.token))).toEqual([
      'NOT_FOUND',
    ]);
    const bad = await t.gql(
      SET_RECORD,
      {
        i: {
          allianceId: a.allianceId,
          published: true,
          fundingPeriodStart: '2026-01-01',
          fundingPeriodEnd: '2025-12-31',
        },
      },
      a.users.admin.token,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fields).toEqual([
      { path: 'input.fundingPeriodEnd', message: expect.any(String), rule: 'END_BEFORE_START' },
    ]);
    const email = await t.gql(
      SET_RECORD,
      { i: { allianceId: a.allianceId, contactEmail: 'nope' } },
      a.users.admin.token,
    );
    expect(codes(email)).toEqual(['BAD_USER_INPUT']);
    const rows = await t.db.query('SELECT public_record, funding_period_start FROM alliances WHERE id = $1', [
      a.allianceId,
    ]);
    expect(rows.rows).toEqual([{ public_record: false, funding_period_start: null }]);
    expect(
      (await t.db.query('SELECT 1 FROM meeting_publications WHERE meeting_id = $1', [m.id])).rowCount,
    ).toBe(0);
  }, 180_000);

  it('the demo alliance opts in with its approved kick-off meeting public; the upcoming meeting stays internal', async () => {
    expect(await t.app.get(DemoSeederService).seedIfAbsent(false)).not.toBeNull();
    const bodies = await get(t, `${O}/bodies`);
    const krefeld = bodies.body.data.find((b: any) => /Krefeld/.test(b.name));
    expect(krefeld).toMatchObject({
      contactEmail: 'koordination@demo.local',
      legislativeTerm: [expect.any(Object)],
    });
    const meetings = (await get(t, krefeld.meeting)).body.data;
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      name: expect.stringMatching(/Auftaktsitzung/),
      meetingState: 'Protokoll genehmigt',
      resultsProtocol: { mimeType: 'application/pdf' },
    });
    const papers = (await get(t, krefeld.paper)).body.data;
    expect(papers.length).toBe(6);
    const orgs = (await get(t, krefeld.organization)).body;
    expect(orgs.pagination.totalElements).toBe(10);
    expect(orgs.data.find((o: any) => /Jobcenter/.test(o.name)).classification).toBe('SGB II');
  }, 180_000);
});
