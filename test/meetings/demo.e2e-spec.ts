import { DemoSeederService } from '../../apps/api/src/demo/demo-seeder.service.js';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { todayInBerlin } from '../../libs/core/src/index.js';

describe('meetings demo data (Krefeld)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await t.app.get(DemoSeederService).seedIfAbsent(false)).not.toBeNull();
  });
  afterAll(() => t.close());

  it('has the approved kick-off with attendance, numbered decisions and follow-up tasks, and an upcoming steering group', async () => {
    const token = await t.login('mitglied@demo.local', DEMO_PASSWORD);
    const { data: me } = await t.gql('{ alliances { id } }', {}, token);
    const allianceId = me.alliances[0].id;
    const res = await t.gql(
      `query($a: ID!) { meetings(allianceId: $a) { title kind status startsAt quorate facilitator { email }
          agenda { position title decisions { number } }
          attendance { status partner { organisation { shortName } } attendees { email } }
          decisions { number title outcome consensus votesFor followUpTasks { title dueOn leadPartner { organisation { shortName } } goal { title } decision { number } } }
          minutes { status approvedBy { email } text } } }`,
      { a: allianceId },
      token,
    );
    expect(res.errors).toBeUndefined();
    const [kickoff, next] = res.data.meetings;
    expect(kickoff).toMatchObject({
      kind: 'PLENARY',
      status: 'MINUTES_APPROVED',
      quorate: true,
      facilitator: { email: 'moderation@demo.local' },
      minutes: { status: 'APPROVED', approvedBy: { email: 'moderation@demo.local' } },
    });
    expect(kickoff.title).toMatch(/Auftaktsitzung/);
    expect(new Date(kickoff.startsAt).getTime()).toBeLessThan(Date.now());
    // Numbered in the Europe/Berlin year of the meeting, as the seeder does.
    const year = todayInBerlin(new Date(kickoff.startsAt)).slice(0, 4);
    expect(kickoff.decisions.map((d: any) => d.number)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${year}/00${n}`),
    );
    expect(kickoff.decisions.map((d: any) => d.outcome)).toContain('DEFERRED');
    expect(kickoff.decisions[0].title).toMatch(/Arbeitsmarktintegration/);
    const tasks = kickoff.decisions.flatMap((d: any) => d.followUpTasks);
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    expect(new Set(tasks.map((x: any) => x.leadPartner.organisation.shortName)).size).toBeGreaterThanOrEqual(
      4,
    );
    expect(tasks.every((x: any) => x.dueOn && x.decision.number)).toBe(true);
    expect(kickoff.attendance.find((x: any) => x.partner.organisation.shortName === 'JC-KR')).toEqual({
      status: 'PRESENT',
      partner: { organisation: { shortName: 'JC-KR' } },
      attendees: [{ email: 'jobcenter@demo.local' }],
    });
    expect(kickoff.agenda[2].decisions.length).toBe(3);
    expect(kickoff.minutes.text).toContain(kickoff.decisions[0].number);

    expect(next).toMatchObject({
      kind: 'STEERING_GROUP',
      status: 'SCHEDULED',
      facilitator: { email: 'moderation@demo.local' },
      decisions: [],
      minutes: null,
    });
    expect(new Date(next.startsAt).getTime()).toBeGreaterThan(Date.now());
    expect(next.agenda.length).toBe(3);

    const search = await t.gql(
      'query($a: ID!) { decisions(allianceId: $a, search: "Unternehmerschaft") { totalCount } }',
      { a: allianceId },
      token,
    );
    expect(search.data.decisions.totalCount).toBe(1);
  });
});
