import { generateSync } from 'otplib';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { browserTestsUnavailable, expectAccessible, launch, navigate, newTab, signIn } from './browser.js';

const DEMO_PASSWORD = 'Buendnis-Demo-2026';
const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the web front end: ${unavailable}`);
const describeBrowser = unavailable ? describe.skip : describe;

/** The path and fragment of the newest mail's link to this address, as the Postausgang has it. */
async function linkIn(t: TestApp, email: string): Promise<string> {
  const rows = await t.db.query(
    'SELECT text_body FROM mail_outbox WHERE lower(recipient) = lower($1) ORDER BY created_at DESC LIMIT 1',
    [email],
  );
  const m = /https?:\/\/[^/\s]+(\/[a-z-]+#token=[A-Za-z0-9_-]+)/.exec(rows.rows[0]?.text_body ?? '');
  if (!m) throw new Error(`no link mailed to ${email}`);
  return m[1];
}

describeBrowser('web: people (invitation, Postausgang, forgotten password, second factor)', () => {
  let t: TestApp;
  let browser: Browser;
  let baseURL: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER' });
    await t.app.listen(0, '127.0.0.1');
    baseURL = `http://127.0.0.1:${t.app.getHttpServer().address().port}`;
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an invitation lands in the Postausgang; its link sets the password and signs in', async () => {
    const admin = await t.adminToken();
    const { data } = await t.gql(
      '{ alliances { id name partners { organisation { id name } } } }',
      {},
      admin,
    );
    const alliance = data.alliances[0];
    const email = 'neue.kollegin@demo.local';
    const res = await t.gql(
      'mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }',
      {
        i: {
          email,
          displayName: 'Neue Kollegin',
          organisationId: alliance.partners[0].organisation.id,
          allianceId: alliance.id,
          roles: ['MEMBER'],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();

    const adminTab = await newTab(browser, baseURL);
    await signIn(adminTab.page, 'admin@demo.local', DEMO_PASSWORD);
    await navigate(adminTab.page, 'Postausgang');
    await adminTab.page.getByText(`An: ${email}`).waitFor();
    await adminTab.page.getByText('/einladung#token=').first().waitFor();
    await expectAccessible(adminTab.page, 'Postausgang');
    await adminTab.context.close();

    const invited = await newTab(browser, baseURL);
    await invited.page.goto(await linkIn(t, email));
    await invited.page.getByRole('heading', { name: 'Einladung annehmen' }).waitFor();
    await expectAccessible(invited.page, 'accept invitation');
    await invited.page.getByLabel('Neues Passwort').fill('Passwort12345');
    await invited.page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await invited.page.getByText('zu leicht zu erraten').waitFor();
    await invited.page.getByLabel('Neues Passwort').fill('Wacholder-Fahrrad-Sonate-81');
    await invited.page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await invited.page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(await invited.page.getByTestId('current-user').textContent()).toBe('Neue Kollegin');
    expect(invited.problems).toEqual([]);
    await invited.context.close();
  }, 120_000);

  it('a member resets a forgotten password from the sign-in page', async () => {
    const tab = await newTab(browser, baseURL);
    await tab.page.goto('/');
    await tab.page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await tab.page.getByRole('heading', { name: 'Passwort vergessen' }).waitFor();
    await expectAccessible(tab.page, 'forgotten password');
    await tab.page.getByLabel('E-Mail-Adresse').fill('mitglied@demo.local');
    await tab.page.getByRole('button', { name: 'Link anfordern' }).click();
    await tab.page.getByText('ist der Link unterwegs').waitFor();
    await tab.page.goto(await linkIn(t, 'mitglied@demo.local'));
    await tab.page.getByRole('heading', { name: 'Neues Passwort festlegen' }).waitFor();
    await expectAccessible(tab.page, 'reset password');
    await tab.page.getByLabel('Neues Passwort').fill('Morgenrot-Kaffeetasse-Brücke-5');
    await tab.page.getByRole('button', { name: 'Passwort speichern' }).click();
    await tab.page.getByText('Ihr Passwort ist geändert').waitFor();
    await signIn(tab.page, 'mitglied@demo.local', 'Morgenrot-Kaffeetasse-Brücke-5');
    await tab.context.close();
  }, 120_000);

  it('a case worker sets up TOTP at the first sign-in, then signs in with a code', async () => {
    const tab = await newTab(browser, baseURL);
    await tab.page.goto('/');
    await tab.page.getByLabel('E-Mail-Adresse').fill('fallmanagement@demo.local');
    await tab.page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await tab.page.getByRole('button', { name: 'Anmelden' }).click();
    await tab.page.getByRole('heading', { name: 'Zweiten Faktor einrichten' }).waitFor();
    await tab.page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).waitFor();
    await expectAccessible(tab.page, 'second factor set-up');
    const secret = (await tab.page.getByTestId('totp-secret').textContent())!;
    await tab.page.getByLabel('Code aus der App').fill(generateSync({ secret }));
    await tab.page.getByRole('button', { name: 'Bestätigen' }).click();
    await tab.page.getByTestId('recovery-codes').waitFor();
    expect(await tab.page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await tab.page.getByRole('button', { name: 'Weiter zum Portal' }).click();
    await tab.page.getByRole('button', { name: 'Abmelden' }).waitFor();
    await tab.page.getByRole('button', { name: 'Abmelden' }).click();

    await tab.page.getByLabel('E-Mail-Adresse').fill('fallmanagement@demo.local');
    await tab.page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await tab.page.getByRole('button', { name: 'Anmelden' }).click();
    await tab.page.getByText('den aktuellen Code Ihrer Authenticator-App').waitFor();
    await expectAccessible(tab.page, 'sign-in with code');
    const next = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await tab.page.getByLabel(/Code aus der Authenticator-App/).fill(next);
    await tab.page.getByRole('button', { name: 'Anmelden' }).click();
    await tab.page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(tab.problems).toEqual([]);
    await tab.context.close();
  }, 120_000);
});
