import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { TestSmtpServer } from '../utils/smtp.js';
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

/** The path and fragment of the link in the newest mail to this address, as delivered over SMTP. */
async function mailedLink(smtp: TestSmtpServer, email: string): Promise<string> {
  const mail = await smtp.mailTo(email, 60_000);
  const m = /https?:\/\/[^/\s]+(\/einladung#token=[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!m) throw new Error(`no invitation link in the mail to ${email}`);
  return m[1];
}

async function invite(page: Page, name: string, email: string, organisation: string, role: string) {
  await page.getByLabel('Name', { exact: true }).last().fill(name);
  await page.getByLabel('E-Mail', { exact: true }).fill(email);
  await page.getByLabel('Organisation', { exact: true }).last().selectOption({ label: organisation });
  const roles = page.getByRole('group', { name: 'Rollen', exact: true });
  await roles.getByLabel('Mitglied', { exact: true }).uncheck();
  await roles.getByLabel(role, { exact: true }).check();
  await page.getByRole('button', { name: 'Einladung senden' }).click();
  await page.getByText(`Die Einladung an ${email} ist unterwegs.`).waitFor();
}

describeBrowser('web: administration — a new alliance from scratch', () => {
  const smtp = new TestSmtpServer();
  beforeAll(() => smtp.start());
  afterAll(() => smtp.stop());
  // The mails leave through a real SMTP server in this process; its port is known only once it runs.
  const s = browserSuite({
    REQUIRE_SECOND_FACTOR_ROLES: 'CASE_WORKER',
    MAIL_RETRY_DELAY_SECONDS: '1',
    get SMTP_URL() {
      return smtp.url;
    },
  } as Record<string, string>);

  it('the platform administrator creates an alliance and an organisation and invites its administrator, who invites a case worker; the case worker enrols TOTP and signs in with a code', async () => {
    const { page, problems } = await s.tab();
    await signIn(page, 'admin@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Verwaltung');
    await loaded(page);
    await expectAccessible(page, 'administration (platform)');

    await page.getByLabel('Name', { exact: true }).first().fill('Bündnis Teststadt');
    await page.getByLabel('Kommune').fill('Teststadt');
    await page.getByRole('button', { name: 'Bündnis anlegen' }).click();
    await page.getByText('Das Bündnis „Bündnis Teststadt“ ist angelegt.').waitFor();

    await page.getByLabel('Name der Organisation').last().fill('Stadt Teststadt – Integrationsbüro');
    await page.getByLabel('Kurzname').last().fill('IB');
    await page.getByLabel('Art').last().selectOption('CITY_DEPARTMENT');
    await page.getByRole('group', { name: 'Rechtskreise' }).last().getByLabel('SGB XII').check();
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.getByText('Die Organisation „Stadt Teststadt – Integrationsbüro“ ist angelegt.').waitFor();
    // A name that is taken: refused with a sentence that says what to do.
    await page.getByLabel('Name der Organisation').last().fill('Stadt Teststadt – Integrationsbüro');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.getByText('darf noch nicht vergeben sein').waitFor();
    await expectAccessible(page, 'administration (platform, input error)');
    await screenshot(page, 'admin-platform');

    // Editing an organisation.
    await page.getByRole('button', { name: 'Bearbeiten: Stadt Teststadt – Integrationsbüro' }).click();
    await page
      .getByRole('form', { name: 'Bearbeiten: Stadt Teststadt – Integrationsbüro' })
      .getByLabel('Kurzname')
      .fill('IB TS');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('cell', { name: 'IB TS', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Bündnis Teststadt' }).click();
    await page.getByRole('heading', { name: 'Verwaltung: Bündnis Teststadt' }).waitFor();
    await loaded(page);
    await page
      .getByLabel('Organisation', { exact: true })
      .first()
      .selectOption({ label: 'Stadt Teststadt – Integrationsbüro' });
    await page.getByRole('button', { name: 'Partner hinzufügen', exact: true }).click();
    await page.getByRole('rowheader', { name: 'Stadt Teststadt – Integrationsbüro' }).waitFor();
    await invite(
      page,
      'Alia Admin',
      'alia.admin@teststadt.test',
      'Stadt Teststadt – Integrationsbüro',
      'Bündnisverwaltung',
    );
    await page
      .getByRole('rowheader', { name: /Alia Admin/ })
      .last()
      .waitFor();
    await expectAccessible(page, 'alliance administration (platform administrator)');

    // The mail arrives at the SMTP server; its link sets the password and signs in.
    const admin = await s.tab();
    await admin.page.goto(await mailedLink(smtp, 'alia.admin@teststadt.test'));
    await admin.page.getByLabel('Neues Passwort').fill('Apfelbaum-Wolke-Teststadt-42');
    await admin.page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await admin.page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(await admin.page.getByTestId('current-user').textContent()).toBe('Alia Admin');

    // The server says she administers this alliance: the navigation offers it.
    await navigate(admin.page, 'Verwaltung');
    await admin.page.getByRole('heading', { name: 'Verwaltung: Bündnis Teststadt' }).waitFor();
    await loaded(admin.page);
    await invite(
      admin.page,
      'Cem Fall',
      'cem.fall@teststadt.test',
      'Stadt Teststadt – Integrationsbüro',
      'Fallmanagement',
    );
    await screenshot(admin.page, 'admin-alliance');

    // The case worker accepts, must set up TOTP first, then signs in with a code.
    const cw = await s.tab();
    await cw.page.goto(await mailedLink(smtp, 'cem.fall@teststadt.test'));
    await cw.page.getByLabel('Neues Passwort').fill('Kastanie-Regenschirm-Fall-17');
    await cw.page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await cw.page.getByRole('heading', { name: 'Zweiten Faktor einrichten' }).waitFor();
    const secret = (await cw.page.getByTestId('totp-secret').textContent())!;
    await cw.page.getByLabel('Code aus der App').fill(generateSync({ secret }));
    await cw.page.getByRole('button', { name: 'Bestätigen' }).click();
    await cw.page.getByTestId('recovery-codes').waitFor();
    await cw.page.getByRole('button', { name: 'Weiter zum Portal' }).click();
    await cw.page.getByRole('button', { name: 'Abmelden' }).click();
    await cw.page.getByLabel('E-Mail-Adresse').fill('cem.fall@teststadt.test');
    await cw.page.getByLabel('Passwort', { exact: true }).fill('Kastanie-Regenschirm-Fall-17');
    await cw.page.getByRole('button', { name: 'Anmelden' }).click();
    await cw.page
      .getByLabel(/Code aus der Authenticator-App/)
      .fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await cw.page.getByRole('button', { name: 'Anmelden' }).click();
    await cw.page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(await cw.page.getByTestId('current-user').textContent()).toBe('Cem Fall');
    // No administration for a case worker: the server says so, the navigation follows.
    await cw.page.getByRole('link', { name: 'Fälle' }).waitFor();
    expect(await cw.page.getByRole('link', { name: 'Verwaltung' }).count()).toBe(0);

    // The platform administrator sees both invitations accepted (no longer pending).
    await page.reload();
    await loaded(page);
    await page.getByText('Keine offenen Einladungen.').waitFor();
    expect([...problems, ...admin.problems, ...cw.problems]).toEqual([]);
  }, 240_000);
});
