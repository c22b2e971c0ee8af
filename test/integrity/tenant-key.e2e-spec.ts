import { QueryCounter } from '../../libs/core/src/index.js';
import { aCoordinationAlliance, createGoal, createTask } from '../coordination/helpers.js';
import { aMeetingAlliance, decide, run, schedule } from '../meetings/fixtures.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Single-object reads and write locks put the caller's alliances into the WHERE
 * of the lookup (as the lists do), instead of loading by id and comparing the alliance afterwards.
 */
describe('integrity: the tenant key is in the WHERE of lookups and locks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The statements of one request that read `table` (the lookup or lock by id comes first). */
  async function reads(table: string, query: string, variables: Record<string, unknown>, token: string) {
    QueryCounter.log = [];
    QueryCounter.recording = true;
    try {
      const res = await t.gql(query, variables, token);
      expect(res.errors).toBeUndefined();
    } finally {
      QueryCounter.recording = false;
    }
    const from = new RegExp(`FROM "?${table}"?[ \\n]`);
    return QueryCounter.log.filter((sql) => /^\s*SELECT/i.test(sql) && from.test(sql));
  }

  it('task, goal: read and lock by id within the caller’s alliances', async () => {
    const a = await aCoordinationAlliance(t);
    const coord = a.users.coord.token;
    const task = await createTask(t, coord, {
      allianceId: a.allianceId,
      title: 'T',
      leadPartnerId: a.partners.city,
    });
    const goal = await createGoal(t, coord, { allianceId: a.allianceId, title: 'G' });
    const [taskRead] = await reads(
      'tasks',
      'query($id: ID!) { task(id: $id) { id } }',
      { id: task.id },
      coord,
    );
    expect(taskRead).toMatch(/alliance_id = ANY/);
    const [taskLock] = await reads(
      'tasks',
      'mutation($id: ID!) { updateTask(id: $id, input: { title: "U", expectedVersion: 1 }) { id } }',
      { id: task.id },
      coord,
    );
    expect(taskLock).toMatch(/alliance_id = ANY[\s\S]*FOR NO KEY UPDATE/);
    const [goalRead] = await reads(
      'goals',
      'query($id: ID!) { goal(id: $id) { id } }',
      { id: goal.id },
      coord,
    );
    expect(goalRead).toMatch(/alliance_id" IN/);
  });

  it('meeting, decision: read and lock by id within the caller’s alliances', async () => {
    const m = await aMeetingAlliance(t);
    const meeting = await schedule(t, m);
    const [meetingRead] = await reads(
      'meetings',
      'query($id: ID!) { meeting(id: $id) { id } }',
      { id: meeting.id },
      m.users.member.token,
    );
    expect(meetingRead).toMatch(/alliance_id" IN/);
    const [meetingLock] = await reads(
      'meetings',
      'mutation($id: ID!) { startMeeting(id: $id) { id } }',
      { id: meeting.id },
      m.users.fac.token,
    );
    expect(meetingLock).toMatch(/alliance_id" IN[\s\S]*FOR UPDATE/);
    const decision = await decide(t, m.users.fac.token, meeting.id);
    const [decisionRead] = await reads(
      'decisions',
      'query($id: ID!) { decision(id: $id) { id } }',
      { id: decision.id },
      m.users.member.token,
    );
    expect(decisionRead).toMatch(/alliance_id" IN/);
    await run(t, m.users.fac.token, 'adjournMeeting', meeting.id);
  });
});
