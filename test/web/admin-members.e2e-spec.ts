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

/** The demo alliance's administration: partners, members, deactivation, second-factor reset, invitations. */
describeBrowser('web: administration of an alliance (partners, members, invitations)', () => {
  const s = browserSuite();

  const userOf = async (email: string) => {
    const token = await s.t.login(email, DEMO_PASSWORD);
    const me = (await s.t.gql('{ me { id displayName } }', {}, token)).data.me;
    return { ...me, token } as { id: string; displayName: string; token: string };
  };

  it('the alliance administrator manages partners and members, deactivates and reactivates, resets a second factor, and handles invitations', async () => {
    // A new organisation to take in as a partner, and a case worker with a second factor.
    const admin = await s.t.login('admin@demo.local', DEMO_PASSWORD);
    const org = 'Sprachschule Rhein gGmbH';
    expect(
      (
        await s.t.gql(
          `mutation { createOrganisation(input: { name: "${org}", kind: OTHER }) { id } }`,
          {},
          admin,
        )
      ).errors,
    ).toBeUndefined();
    const cw = await userOf('fallmanagement@demo.local');
    const secret = (await s.t.gql('mutation { beginSecondFactorEnrolment { secret } }', {}, cw.token)).data
      .beginSecondFactorEnrolment.secret;
    await s.t.gql(
      'mutation($c: String!) { confirmSecondFactor(code: $c) }',
      { c: generateSync({ secret }) },
      cw.token,
    );
    const member = await userOf('mitglied@demo.local');
    const observer = await userOf('beobachtung@demo.local');

    // The member is signed in elsewhere, and has no administration in the navigation.
    const other = await s.tab();
    await signIn(other.page, 'mitglied@demo.local', DEMO_PASSWORD);
    await other.page.getByRole('link', { name: 'Mein Konto' }).waitFor();
    expect(await other.page.getByRole('link', { name: 'Verwaltung' }).count()).toBe(0);

    const { page, problems } = await s.tab();
    await signIn(page, 'verwaltung@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Verwaltung');
    await page.getByRole('heading', { name: /^Verwaltung: / }).waitFor();
    await loaded(page);
    await expectAccessible(page, 'alliance administration');

    // Partners: take one in as prospective, make it active with a date, refuse a wrong date, let it leave.
    await page.getByLabel('Organisation', { exact: true }).first().selectOption({ label: org });
    await page.getByLabel('Status', { exact: true }).last().selectOption('PROSPECTIVE');
    await page.getByRole('button', { name: 'Partner hinzufügen', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: org });
    await row.getByText('angefragt').waitFor();
    await page.getByRole('button', { name: `Status ändern: ${org}` }).click();
    const form = page.getByRole('form', { name: `Status ändern: ${org}` });
    await form.getByLabel(`Status von ${org}`).selectOption('ACTIVE');
    await form.getByLabel('Beigetreten am').fill('2026-11-02');
    await form.getByLabel('Ausgetreten am').fill('2026-10-01');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.getByText('Das Austrittsdatum darf nicht vor dem Beitrittsdatum liegen').waitFor();
    await expectAccessible(page, 'alliance administration (partner date refused)');
    await form.getByLabel('Ausgetreten am').fill('');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await row.getByText('02.11.2026').waitFor();
    await row.getByText('aktiv').waitFor();
    await page.getByRole('button', { name: `Austritt: ${org}` }).click();
    const leave = page.getByRole('dialog', { name: `${org} tritt aus dem Bündnis aus` });
    await leave.getByText('Bisherige Aufgaben, Sitzungen und Beschlüsse bleiben erhalten.').waitFor();
    await leave.getByRole('button', { name: 'Austritt eintragen' }).click();
    await row.getByText('ehemalig').waitFor();

    // Roles: the member becomes an observer too.
    await page.getByRole('button', { name: `Rollen ändern: ${member.displayName}` }).click();
    await page
      .getByRole('group', { name: `Rollen von ${member.displayName}` })
      .getByLabel('Beobachtung')
      .check();
    await page.getByRole('button', { name: 'Rollen speichern' }).click();
    await page.getByText(`Die Rollen von ${member.displayName} sind gespeichert.`).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: member.displayName })
      .getByText(/Beobachtung/)
      .waitFor();

    // Deactivation: the dialog says what happens; the member's other browser is signed out.
    await page.getByRole('button', { name: `Deaktivieren: ${member.displayName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Konto von ${member.displayName} deaktivieren?` });
    const text = await dialog.textContent();
    expect(text).toContain('Alle Sitzungen');
    expect(text).toContain('enden sofort');
    expect(text).toContain('die Anmeldung wird abgelehnt');
    expect(text).toContain('bleiben erhalten');
    await expectAccessible(page, 'deactivation dialog');
    await screenshot(page, 'admin-deactivate');
    await dialog.getByRole('button', { name: 'Konto deaktivieren' }).click();
    await page
      .getByText(`Das Konto von ${member.displayName} ist deaktiviert; alle Sitzungen sind beendet.`)
      .waitFor();
    await page.getByRole('row').filter({ hasText: member.displayName }).getByText('deaktiviert').waitFor();
    expect((await s.t.gql('{ me { id } }', {}, member.token)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await other.page.reload();
    await other.page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await other.page.getByLabel('E-Mail-Adresse').fill('mitglied@demo.local');
    await other.page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await other.page.getByRole('button', { name: 'Anmelden' }).click();
    await other.page
      .getByText('Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Verwaltung')
      .waitFor();
    expect(await other.page.getByRole('button', { name: 'Abmelden' }).count()).toBe(0);

    await page.getByRole('button', { name: `Reaktivieren: ${member.displayName}` }).click();
    await page
      .getByRole('dialog', { name: `Konto von ${member.displayName} reaktivieren?` })
      .getByRole('button', { name: 'Konto reaktivieren' })
      .click();
    await page.getByText(`Das Konto von ${member.displayName} ist wieder aktiv.`).waitFor();
    await signIn(other.page, 'mitglied@demo.local', DEMO_PASSWORD);

    // Second factor of the case worker (a lost phone): reset, sessions end.
    await page.getByRole('button', { name: `Zweiten Faktor zurücksetzen: ${cw.displayName}` }).click();
    const reset = page.getByRole('dialog', { name: `Zweiten Faktor von ${cw.displayName} zurücksetzen?` });
    await reset.getByText('richtet', { exact: false }).waitFor();
    await reset.getByRole('button', { name: 'Zweiten Faktor zurücksetzen' }).click();
    await page.getByText(`Der zweite Faktor von ${cw.displayName} ist zurückgesetzt`).waitFor();
    expect((await s.t.gql('{ me { id } }', {}, cw.token)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const after = await s.t.login('fallmanagement@demo.local', DEMO_PASSWORD);
    expect((await s.t.gql('{ me { totpEnabledAt } }', {}, after)).data.me.totpEnabledAt).toBeNull();

    // Removing the observer from the alliance.
    await page.getByRole('button', { name: `Entfernen: ${observer.displayName}` }).click();
    await page
      .getByRole('dialog', { name: `${observer.displayName} aus dem Bündnis entfernen?` })
      .getByRole('button', { name: 'Aus dem Bündnis entfernen' })
      .click();
    await page.getByText(`${observer.displayName} ist aus dem Bündnis entfernt.`).waitFor();
    await page
      .getByRole('button', { name: `Entfernen: ${observer.displayName}` })
      .waitFor({ state: 'detached' });

    // Invitations: an address with an account is refused with what to do instead; then invite, resend, withdraw.
    const invite = async (email: string) => {
      await page.getByLabel('Name', { exact: true }).last().fill('Paula Probe');
      await page.getByLabel('E-Mail', { exact: true }).fill(email);
      await page.getByLabel('Organisation', { exact: true }).last().selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Einladung senden' }).click();
    };
    await invite('koordination@demo.local');
    await page.getByText('geben Sie einer vorhandenen Person stattdessen eine Rolle').waitFor();
    await invite('paula.probe@demo.local');
    await page.getByText('Die Einladung an paula.probe@demo.local ist unterwegs.').waitFor();
    await page.getByRole('button', { name: 'Erneut senden: paula.probe@demo.local' }).click();
    await page.getByText('Ein neuer Link an paula.probe@demo.local ist unterwegs').waitFor();
    await page.getByText('2× gesendet').waitFor();
    await expectAccessible(page, 'alliance administration (invitations)');
    await page.getByRole('button', { name: 'Zurückziehen: paula.probe@demo.local' }).click();
    await page
      .getByRole('dialog', { name: 'Einladung an paula.probe@demo.local zurückziehen?' })
      .getByRole('button', { name: 'Zurückziehen' })
      .click();
    await page.getByText('Die Einladung an paula.probe@demo.local ist zurückgezogen.').waitFor();
    await page.getByText('Keine offenen Einladungen.').waitFor();

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /^Administration: / }).waitFor();
    await expectAccessible(page, 'alliance administration (English)');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    expect([...problems, ...other.problems]).toEqual([]);
  }, 240_000);
});
