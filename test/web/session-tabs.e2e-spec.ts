import { browserSuite, DEMO_PASSWORD, describeBrowser, signIn } from './browser.js';

/**
 * Tabs of one browser share one refresh token, and the API revokes a whole session when a rotated
 * token comes back (replay detection). The tabs must therefore never refresh with the same token.
 */
describeBrowser('web session across tabs of one browser', () => {
  const web = browserSuite();

  it('three tabs restored at the same moment all stay signed in (no refresh-token replay)', async () => {
    const first = await web.tab();
    await signIn(first.page, 'koordination@demo.local', DEMO_PASSWORD);
    const tabs = [first.page, await first.context.newPage(), await first.context.newPage()];
    // As after a browser restart: every tab loads at once and restores the session from storage.
    await Promise.all(tabs.map((p) => p.goto('/aufgaben')));
    for (const p of tabs) await p.getByRole('button', { name: 'Abmelden' }).waitFor();
    // Each tab still works after the dust settles (a replay would have revoked the session).
    for (const p of tabs) {
      await p.reload();
      await p.getByRole('button', { name: 'Abmelden' }).waitFor();
    }
    const revoked = await web.t.db.query(
      'SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NOT NULL',
    );
    expect(revoked.rows[0].n).toBe(0);
    await first.context.close();
  });

  it('signing out in one tab signs the other tabs out too', async () => {
    const first = await web.tab();
    await signIn(first.page, 'koordination@demo.local', DEMO_PASSWORD);
    const second = await first.context.newPage();
    await second.goto('/');
    await second.getByRole('button', { name: 'Abmelden' }).waitFor();
    await first.page.getByRole('button', { name: 'Abmelden' }).click();
    await second.getByRole('button', { name: 'Anmelden' }).waitFor();
    await first.context.close();
  });
});
