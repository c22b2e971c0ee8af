import { fullCaseInput, openCase, recordConsent } from '../casework/helpers.js';
import {
  browserSuite,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  loaded,
  screenshot,
  signIn,
} from './browser.js';

describeBrowser('web journey: the bell tells the Jobcenter of a handover request, live', () => {
  const web = browserSuite();

  it('the case worker’s request raises the Jobcenter case worker’s bell without a reload, and the notification opens the inbox', async () => {
    const { t } = web;
    // A case with the client's consent for the Jobcenter, prepared through the API.
    const ownerToken = await t.login('fallmanagement@demo.local', DEMO_PASSWORD);
    const receiverToken = await t.login('jobcenter@demo.local', DEMO_PASSWORD);
    const c = await openCase(t, ownerToken, fullCaseInput({ givenName: 'Glockia', familyName: 'Läutmann' }));
    const { rows } = await t.db.query(`SELECT id FROM organisations WHERE name = 'Jobcenter Krefeld'`);
    await recordConsent(t, ownerToken, {
      caseId: c.id,
      recipientIds: [rows[0].id],
      categories: ['LANGUAGE', 'EDUCATION_EMPLOYMENT'],
    });
    const before = (await t.gql('{ unreadNotificationCount }', {}, receiverToken)).data
      .unreadNotificationCount;

    const receiver = await web.tab();
    const r = receiver.page;
    await signIn(r, 'jobcenter@demo.local', DEMO_PASSWORD);
    await loaded(r);
    const bell = r.getByTestId('notification-bell');
    await r.waitForFunction(
      (n) =>
        (globalThis as any).document.querySelector('[data-testid=notification-bell]')?.textContent.trim() ===
        (n ? String(n) : ''),
      before,
    );
    await r.evaluate(() => ((globalThis as any).__notReloaded = true));

    const owner = await web.tab();
    const o = owner.page;
    await signIn(o, 'fallmanagement@demo.local', DEMO_PASSWORD);
    await o.goto(`/faelle/${c.id}`);
    const form = o.locator('#request-handover');
    await form.getByLabel('Sprache', { exact: true }).check();
    await form.getByRole('button', { name: 'Übergabe anfragen' }).click();
    await o.getByTestId('handover').filter({ hasText: 'Angefragt' }).waitFor();

    // Live: the count rises on the open page, which was not reloaded.
    await r
      .getByTestId('notification-count')
      .filter({ hasText: String(before + 1) })
      .waitFor();
    expect(await r.evaluate(() => (globalThis as any).__notReloaded)).toBe(true);
    expect(await bell.getAttribute('aria-label')).toBe(`Benachrichtigungen, ${before + 1} ungelesen`);

    await bell.click();
    await r.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    const item = r.getByTestId('notification').filter({ hasText: `Fall ${c.reference}` });
    await item.waitFor();
    expect(await item.textContent()).toContain('Übergabe angefragt');
    expect(await item.textContent()).not.toContain('Läutmann');
    await loaded(r);
    await expectAccessible(r, 'notifications');
    await screenshot(r, 'notifications');

    await item.getByRole('link', { name: `Übergabe angefragt: Fall ${c.reference}` }).click();
    await r.waitForURL(/\/faelle\?uebergabe=/);
    await r.getByTestId('incoming-handover').filter({ hasText: c.reference }).waitFor();
    // Opened: read, and the bell went down again.
    await r.waitForFunction(
      (n) =>
        (globalThis as any).document.querySelector('[data-testid=notification-bell]')?.textContent.trim() ===
        (n ? String(n) : ''),
      before,
    );
    expect((await t.gql('{ unreadNotificationCount }', {}, receiverToken)).data.unreadNotificationCount).toBe(
      before,
    );
    expect([...receiver.problems, ...owner.problems]).toEqual([]);
  });
});
