import { browserSuite, DEMO_PASSWORD, describeBrowser, loaded, navigate, signIn } from './browser.js';
import { meetingEventsTrigger, waitForSubscriptions } from '../utils/subscriptions.js';

describeBrowser('web journey: a facilitator schedules a meeting, an invited member sees it live', () => {
  const web = browserSuite();

  it('the invitation appears in the member’s open meeting list and bell, opens from the notification, and the room follows the agenda without a reload', async () => {
    const facilitator = await web.tab();
    const member = await web.tab();
    const f = facilitator.page;
    const m = member.page;
    await signIn(f, 'moderation@demo.local', DEMO_PASSWORD);
    await signIn(m, 'mitglied@demo.local', DEMO_PASSWORD);
    await navigate(m, 'Sitzungen');
    await m.getByRole('heading', { name: 'Alle Sitzungen' }).waitFor();
    await loaded(m);
    // The member's notification subscription has reached the server (a user's own channel).
    const memberId = (
      await web.t.gql(
        '{ me { id } }',
        {},
        (
          await web.t.gql(
            'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
            { e: 'mitglied@demo.local', p: DEMO_PASSWORD },
          )
        ).data.login.accessToken,
      )
    ).data.me.id;
    await waitForSubscriptions(
      web.t,
      `notificationEvents:${memberId}`,
      (r) => r.length > 0,
      "the member's meeting list listening",
    );
    await m.evaluate(() => ((globalThis as any).__noReload = true));
    const bellCount = () =>
      m.evaluate(() =>
        Number(
          (globalThis as any).document.querySelector('[data-testid=notification-bell]')?.textContent.trim() ||
            0,
        ),
      );
    const unreadBefore = await bellCount();

    const title = 'Arbeitsgruppe Anerkennung ausländischer Abschlüsse';
    await navigate(f, 'Sitzungen');
    await f.getByRole('button', { name: 'Sitzung planen' }).click();
    await f.locator('#m-title').fill(title);
    await f.getByLabel('Art', { exact: true }).selectOption('WORKING_GROUP');
    await f.getByLabel('Beginn', { exact: true }).fill('2026-12-10T14:00');
    await f.getByLabel('Ende', { exact: true }).fill('2026-12-10T16:00');
    await f.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await f.getByRole('heading', { level: 1, name: title }).waitFor();

    // The invited member's list shows it without a reload (the invitation's notification event).
    const link = m.locator('#meeting-list').getByRole('link', { name: title });
    await link.waitFor();
    expect(await m.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    // The bell in the header counts the invitation, live too; the member opens it from there.
    await m
      .getByTestId('notification-count')
      .filter({ hasText: String(unreadBefore + 1) })
      .waitFor();
    expect(await m.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    await m.getByTestId('notification-bell').click();
    await m.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await m
      .getByTestId('notification')
      .filter({ hasText: title })
      .getByRole('link', { name: `Einladung: ${title}` })
      .click();
    await m.getByRole('heading', { level: 1, name: title }).waitFor();
    await m.waitForFunction((n) => {
      const bell = (globalThis as any).document.querySelector('[data-testid=notification-bell]');
      return Number(bell?.textContent.trim() || 0) === n;
    }, unreadBefore);
    const meetingId = new URL(m.url()).pathname.split('/').pop()!;
    await waitForSubscriptions(
      web.t,
      meetingEventsTrigger(meetingId),
      (r) => r.length > 0,
      "the member's room listening",
    );
    await m.evaluate(() => ((globalThis as any).__noReload = true));

    // The facilitator adds an agenda item: the member's room shows it, without polling or reload.
    await f.getByLabel('Tagesordnungspunkt', { exact: true }).first().fill('Anerkennungsberatung');
    await f.getByRole('button', { name: 'Hinzufügen' }).click();
    await m.locator('ol.agenda').getByText('Anerkennungsberatung').waitFor();
    expect(await m.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    expect(facilitator.problems).toEqual([]);
    expect(member.problems).toEqual([]);
  }, 300_000);
});
