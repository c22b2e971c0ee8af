import { generateSync } from 'otplib';
import {
  browserSuite,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  loaded,
  navigate,
  screenshot,
  signIn,
} from './browser.js';

describeBrowser('web: my account (sessions, second factor) and the idle timeout', () => {
  const s = browserSuite({ REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER' });

  it('lists the sessions with device, start and last use; "Abmelden" ends another one at once', async () => {
    const elsewhere = await s.tab();
    await signIn(elsewhere.page, 'koordination@demo.local', DEMO_PASSWORD);
    const { page, problems } = await s.tab();
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Mein Konto');
    await loaded(page);
    const sessions = page.getByRole('table', { name: 'Angemeldete Geräte' });
    await sessions.getByRole('row').nth(2).waitFor();
    expect(await sessions.getByRole('row').count()).toBe(3);
    expect(await sessions.getByRole('columnheader').allTextContents()).toEqual([
      'Gerät',
      'Angemeldet seit',
      'Zuletzt aktiv',
      'Aktionen',
    ]);
    await sessions.getByText('Chrome, Linux (dieses Gerät)').waitFor();
    await expectAccessible(page, 'my account');
    await screenshot(page, 'account');

    // The other session (not "dieses Gerät") ends; that browser is signed out on its next request.
    const other = sessions.getByRole('row').filter({ hasNotText: 'dieses Gerät' }).nth(1);
    await other.getByRole('button', { name: /^Abmelden: / }).click();
    await page.getByText('Die Sitzung auf Chrome, Linux ist beendet.').waitFor();
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('#sessions tbody tr').length === 1,
    );
    await elsewhere.page.reload();
    await elsewhere.page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('a case worker resets their own second factor with a recovery code and sets it up again', async () => {
    const { page, problems } = await s.tab();
    await page.goto('/');
    await page.getByLabel('E-Mail-Adresse').fill('jobcenter@demo.local');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    await page.getByLabel('Code aus der App').fill(generateSync({ secret }));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    await page.getByRole('button', { name: 'Weiter zum Portal' }).click();
    await navigate(page, 'Mein Konto');
    await loaded(page);
    await page.getByText('Eingerichtet seit').waitFor();

    await page.getByLabel('Code aus der App oder Wiederherstellungscode').fill('000000');
    await page.getByRole('button', { name: 'Zweiten Faktor zurücksetzen' }).click();
    await page.getByText('Der Code stimmt nicht. Geben Sie den aktuellen Code Ihrer App').waitFor();
    await expectAccessible(page, 'my account (wrong code)');
    await page.getByLabel('Code aus der App oder Wiederherstellungscode').fill(codes[0]);
    await page.getByRole('button', { name: 'Zweiten Faktor zurücksetzen' }).click();
    // A case worker must have one: the app asks to set it up again, with a new secret.
    await page.getByRole('heading', { name: 'Zweiten Faktor einrichten' }).waitFor();
    const renewed = (await page.getByTestId('totp-secret').textContent())!;
    expect(renewed).not.toBe(secret);
    expect(problems).toEqual([]);
  }, 120_000);

  it('warns two minutes before the idle timeout, stays signed in on request, then expires and keeps the place', async () => {
    const { page, problems } = await s.tab();
    await page.clock.install();
    await signIn(page, 'moderation@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Ziele');
    await loaded(page);

    await page.clock.fastForward('28:30');
    const warning = page.getByRole('dialog', { name: 'Sind Sie noch da?' });
    await warning.getByText('Ihre Sitzung läuft in 2 Minuten ab — Angemeldet bleiben?').waitFor();
    await expectAccessible(page, 'idle warning');
    await screenshot(page, 'idle-warning');
    await warning.getByRole('button', { name: 'Angemeldet bleiben' }).click();
    await warning.waitFor({ state: 'detached' });

    await page.clock.fastForward('28:30');
    await warning.waitFor();
    await page.clock.fastForward('02:00');
    // The session ends on the same address, and the sign-in page says why.
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await page.getByText('Ihre Sitzung ist abgelaufen', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/ziele');
    await page.getByLabel('E-Mail-Adresse').fill('moderation@demo.local');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Ziele' }).waitFor();
    expect(problems).toEqual([]);
  }, 120_000);
});
