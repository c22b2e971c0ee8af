import { DAILY_JOBS, type DailyJobs } from '../../libs/core/src/index.js';
import { addDependency, aCoordinationAlliance, createTask, updateTask } from '../coordination/helpers.js';
import { aMember, type BuiltAlliance, expectData } from '../utils/builders.js';
import { MAIL_QUEUE, queuesSettled } from '../utils/eventually.js';
import { TestSmtpServer } from '../utils/smtp.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { kindsAbout, notificationsOf } from './helpers.js';

type User = { id: string; email: string; token: string };

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(d);
};

describe('notifications of tasks: who hears of what, and who does not', () => {
  const smtp = new TestSmtpServer();
  let t: TestApp;
  let a: BuiltAlliance;
  let jc2: User; // a second member of the Jobcenter in the alliance
  let jcElsewhere: User; // a Jobcenter colleague who is a member of another alliance only
  let jobs: DailyJobs;
  let everyone: Record<string, User>;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1' });
    a = await aCoordinationAlliance(t);
    jc2 = await aMember(t, a.allianceId, a.orgs.jc, ['MEMBER']);
    const admin = await t.adminToken();
    const { createAlliance } = await expectData(
      t,
      'mutation { createAlliance(input: { name: "Anderes Bündnis", municipality: "Moers" }) { id } }',
      {},
      admin,
    );
    await expectData(
      t,
      'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
      { i: { allianceId: createAlliance.id, organisationId: a.orgs.jc, status: 'ACTIVE' } },
      admin,
    );
    jcElsewhere = await aMember(t, createAlliance.id, a.orgs.jc, ['COORDINATOR']);
    jobs = t.app.get(DAILY_JOBS);
    everyone = { ...a.users, jc2, jcElsewhere };
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** user key → the kinds they have about the object. */
  async function told(objectId: string): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const [key, u] of Object.entries(everyone)) {
      const kinds = await kindsAbout(t, u.token, objectId);
      if (kinds.length) result[key] = kinds;
    }
    return result;
  }

  it('a new task: the assignee, and the members of the lead and contributing organisations in this alliance', async () => {
    const task = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Sprachkurse abstimmen',
      leadPartnerId: a.partners.jc,
      contributingPartnerIds: [a.partners.agency],
      assigneeId: a.users.member.id,
    });
    expect(await told(task.id)).toEqual({
      member: ['TASK_ASSIGNED'],
      jc2: ['TASK_PARTNER_ADDED'],
      member2: ['TASK_PARTNER_ADDED'],
      fac: ['TASK_PARTNER_ADDED'],
    });
    const [lead] = (await notificationsOf(t, jc2.token)).filter((n) => n.objectId === task.id);
    expect(lead.params).toMatchObject({ taskTitle: 'Sprachkurse abstimmen', role: 'LEAD' });
    const [contrib] = (await notificationsOf(t, a.users.fac.token)).filter((n) => n.objectId === task.id);
    expect(contrib.params.role).toBe('CONTRIBUTOR');

    // Assignments come by mail at once, in German, with the link to the task.
    const mail = await smtp.mailTo(a.users.member.email);
    expect(mail.subject).toBe('Aufgabe für Sie: Sprachkurse abstimmen');
    expect(mail.text).toContain(`/aufgaben/${task.id}`);
    expect(mail.text).toContain('User coord hat Ihnen die Aufgabe');
    // Organisation notices wait for the digest.
    expect(smtp.to(jc2.email)).toHaveLength(0);
  });

  it('a comment: the assignee and the lead organisation, not the contributors or the author', async () => {
    const task = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Jobmesse vorbereiten',
      leadPartnerId: a.partners.jc,
      contributingPartnerIds: [a.partners.agency],
      assigneeId: a.users.member2.id,
    });
    await expectData(
      t,
      'mutation($id: ID!) { commentOnTask(taskId: $id, body: "Raum ist gebucht") { id } }',
      { id: task.id },
      a.users.fac.token,
    );
    const comments = Object.fromEntries(
      Object.entries(await told(task.id)).map(([k, kinds]) => [
        k,
        kinds.filter((x) => x === 'TASK_COMMENTED'),
      ]),
    );
    expect(
      Object.entries(comments)
        .filter(([, v]) => v.length)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['jc2', 'member', 'member2'].sort());
  });

  it('done: the tasks waiting on it tell their assignee (or, unassigned, their lead organisation)', async () => {
    const blocker = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Räume klären',
      leadPartnerId: a.partners.city,
    });
    const assigned = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Einladungen versenden',
      leadPartnerId: a.partners.agency,
      assigneeId: a.users.member2.id,
    });
    const unassigned = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Catering bestellen',
      leadPartnerId: a.partners.jc,
    });
    for (const waiting of [assigned, unassigned])
      expect((await addDependency(t, a.users.coord.token, waiting.id, blocker.id)).errors).toBeUndefined();
    const done = await updateTask(t, a.users.coord.token, blocker.id, { status: 'DONE', expectedVersion: 1 });
    expect(done.errors).toBeUndefined();
    const unblocked = async (id: string) =>
      Object.entries(await told(id))
        .filter(([, kinds]) => kinds.includes('TASK_UNBLOCKED'))
        .map(([k]) => k)
        .sort();
    expect(await unblocked(assigned.id)).toEqual(['member2']);
    expect(await unblocked(unassigned.id)).toEqual(['jc2', 'member']);
    const [n] = (await notificationsOf(t, a.users.member2.token)).filter((x) => x.kind === 'TASK_UNBLOCKED');
    expect(n.params).toMatchObject({ taskTitle: 'Einladungen versenden', blockerTitle: 'Räume klären' });
  });

  it('a change: the new assignee and organisations newly on the task, nobody already on it', async () => {
    const task = await createTask(t, a.users.member.token, {
      allianceId: a.allianceId,
      title: 'Flyer drucken',
      leadPartnerId: a.partners.jc,
    });
    const before = await told(task.id);
    expect(before).toEqual({ jc2: ['TASK_PARTNER_ADDED'] });
    const res = await updateTask(t, a.users.member.token, task.id, {
      expectedVersion: 1,
      assigneeId: jc2.id,
      contributingPartnerIds: [a.partners.city],
    });
    expect(res.errors).toBeUndefined();
    expect(await told(task.id)).toEqual({
      jc2: ['TASK_ASSIGNED', 'TASK_PARTNER_ADDED'],
      coord: ['TASK_PARTNER_ADDED'],
      observer: ['TASK_PARTNER_ADDED'],
      admin: ['TASK_PARTNER_ADDED'],
    });
  });

  it('deadlines: a daily job tells the assignee (or the lead organisation) once per due day', async () => {
    const soon = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Bericht abgeben',
      leadPartnerId: a.partners.agency,
      assigneeId: a.users.fac.id,
      dueOn: day(2),
    });
    const late = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Antrag stellen',
      leadPartnerId: a.partners.city,
      dueOn: day(-1),
    });
    const later = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Sommerfest',
      leadPartnerId: a.partners.agency,
      assigneeId: a.users.fac.id,
      dueOn: day(20),
    });
    const finished = await createTask(t, a.users.coord.token, {
      allianceId: a.allianceId,
      title: 'Erledigt',
      leadPartnerId: a.partners.agency,
      assigneeId: a.users.fac.id,
      dueOn: day(1),
    });
    await updateTask(t, a.users.coord.token, finished.id, { status: 'DONE', expectedVersion: 1 });

    await jobs.runNow('task-due-reminders');
    await jobs.runNow('task-due-reminders'); // a rerun tells nobody twice
    const dueKinds = (kinds: string[]) => kinds.filter((k) => k === 'TASK_DUE_SOON' || k === 'TASK_OVERDUE');
    const of = async (id: string) =>
      Object.fromEntries(
        Object.entries(await told(id))
          .map(([k, kinds]) => [k, dueKinds(kinds)])
          .filter(([, kinds]) => kinds.length),
      );
    expect(await of(soon.id)).toEqual({ fac: ['TASK_DUE_SOON'] });
    // Unassigned: the lead organisation's members (the coordinator who created it included).
    expect(await of(late.id)).toEqual({
      coord: ['TASK_OVERDUE'],
      observer: ['TASK_OVERDUE'],
      admin: ['TASK_OVERDUE'],
    });
    expect(await of(later.id)).toEqual({});
    expect(await of(finished.id)).toEqual({});
    const mail = await smtp.mailTo(a.users.fac.email);
    await smtp.waitFor((m) => m.some((x) => x.subject.startsWith('Fällig am')));
    expect(smtp.to(a.users.fac.email).map((m) => m.subject)).toContain(
      `Fällig am ${day(2).split('-').reverse().join('.')}: Bericht abgeben`,
    );
    expect(mail).toBeDefined();
  });

  it('the daily digest gathers the rest in one mail per user, once', async () => {
    await jobs.runNow('notification-digest');
    await smtp.waitFor((m) =>
      m.some((x) => x.to.includes(jc2.email) && x.subject.startsWith('Ihre Benachrichtigungen')),
    );
    await jobs.runNow('notification-digest');
    // The second run has written whatever it would mail; every delivery job has finished after it.
    await queuesSettled(t.db, [MAIL_QUEUE]);
    const digests = smtp.to(jc2.email).filter((m) => m.subject.startsWith('Ihre Benachrichtigungen'));
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain('Ihre Organisation');
    expect(digests[0].text).toContain('kommentiert');
    expect(digests[0].text).toMatch(
      /Keine E-Mails mehr zu „Kommentare zu Aufgaben“: http\S+\/mail\/unsubscribe\?token=/,
    );
    // Nobody outside the alliance heard of anything.
    expect(await notificationsOf(t, jcElsewhere.token)).toEqual([]);
    expect(smtp.to(jcElsewhere.email)).toHaveLength(0);
  });
});
