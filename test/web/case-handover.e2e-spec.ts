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
import { handoverEventsTrigger, waitForSubscriptions } from '../utils/subscriptions.js';

const CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'LANGUAGE',
  'RESIDENCE',
  'EDUCATION_EMPLOYMENT',
  'HOUSING',
  'FAMILY',
  'HEALTH',
];

describeBrowser('web journey 3: consent-scoped case handover between two case workers', () => {
  const web = browserSuite();

  it('records consent, hands over only the consented categories, and a withdrawal hides them from the receiver at once (live)', async () => {
    const owner = await web.tab();
    const receiver = await web.tab();
    const o = owner.page;
    const r = receiver.page;

    // The city's case worker opens a case (a fictional client).
    await signIn(o, 'fallmanagement@demo.local', DEMO_PASSWORD);
    await navigate(o, 'Fälle');
    await o.getByRole('heading', { name: 'Eigene Fälle' }).waitFor();
    await loaded(o);
    await expectAccessible(o, 'cases');
    await screenshot(o, 'cases');

    const openForm = o.locator('#open-case');
    await openForm.getByLabel('Vorname', { exact: true }).fill('Testa');
    await openForm.getByLabel('Nachname', { exact: true }).fill('Beispielfrau');
    await openForm.getByLabel('Sprache', { exact: true }).check();
    await openForm.getByLabel('Arbeit', { exact: true }).check();
    await openForm.getByLabel('Deutschkenntnisse (GER)').selectOption('B1');
    await openForm.getByLabel('Weitere Sprachen (mit Komma getrennt)').fill('Arabisch, Englisch');
    await openForm.getByLabel('Abschlüsse (mit Komma getrennt)').fill('Bauingenieurin');
    await openForm.getByLabel('Wohnsituation').fill('Gemeinschaftsunterkunft');
    await o.getByRole('button', { name: 'Fall eröffnen' }).click();
    const heading = o.getByRole('heading', { level: 1, name: /^Fall / });
    await heading.waitFor();
    const reference = (await heading.textContent())!.replace(/^Fall /, '').trim();
    expect(reference).toMatch(/\S+/);
    await o.getByTestId('category-IDENTITY').getByText('Beispielfrau').waitFor();

    // No consent yet: no handover can be offered.
    await o.getByText('Für eine Übergabe braucht es zuerst eine aktive Einwilligung.').waitFor();

    // Consent in plain language: the Jobcenter may receive language and education/employment data.
    const consentForm = o.locator('#record-consent');
    await consentForm.getByLabel('Jobcenter Krefeld').check();
    await consentForm.getByLabel('Sprache', { exact: true }).check();
    await consentForm.getByLabel('Bildung und Beruf', { exact: true }).check();
    await consentForm
      .getByLabel('Zweck', { exact: true })
      .fill('Vermittlung in einen Berufssprachkurs und in Arbeit durch das Jobcenter');
    await consentForm.getByLabel('Schriftlich (unterschrieben)').check();
    await consentForm.getByLabel('Nachweis (z. B. Dokumentnummer)').fill('EW-2026-0815');
    await consentForm.getByLabel('In welcher Sprache wurde die Person aufgeklärt?').selectOption('ar');
    await consentForm.getByLabel('Eine Dolmetscherin oder ein Dolmetscher hat geholfen').check();
    await consentForm.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const consent = o.getByTestId('consent');
    await consent.filter({ hasText: 'Aktiv' }).waitFor();
    await expect(consent.textContent()).resolves.toContain(
      'Jobcenter Krefeld folgende Daten erhält: Sprache, Bildung und Beruf',
    );
    await expect(consent.textContent()).resolves.toContain('aufgeklärt auf Arabisch');

    // The handover form offers exactly what the consent covers.
    const handoverForm = o.locator('#request-handover');
    expect(await handoverForm.getByLabel('An', { exact: true }).locator('option').allTextContents()).toEqual([
      'Jobcenter Krefeld',
    ]);
    const offered = handoverForm.locator('fieldset input[type=checkbox]');
    expect(await offered.count()).toBe(2);
    expect(await handoverForm.locator('fieldset label').allTextContents()).toEqual([
      'Sprache',
      'Bildung und Beruf',
    ]);
    await handoverForm.getByLabel('Sprache', { exact: true }).check();
    await handoverForm.getByLabel('Bildung und Beruf', { exact: true }).check();
    await handoverForm
      .getByLabel(/Nachricht an die empfangende Stelle/)
      .fill('Bitte Kontakt für Berufssprachkurs aufnehmen.');
    // The Jobcenter's case worker is signed in already, the overview (with the inbox) open.
    await signIn(r, 'jobcenter@demo.local', DEMO_PASSWORD);
    await loaded(r);
    const organisations = await web.t.gql(
      '{ organisations(search: "Jobcenter Krefeld") { id name } }',
      {},
      await web.t.adminToken(),
    );
    const jobcenter = organisations.data.organisations.find((x: any) => x.name === 'Jobcenter Krefeld').id;
    await waitForSubscriptions(
      web.t,
      handoverEventsTrigger(jobcenter),
      (l) => l.length > 0,
      "the Jobcenter's inbox listening",
    );
    await r.evaluate(() => ((globalThis as any).__noReload = true));
    await handoverForm.getByRole('button', { name: 'Übergabe anfragen' }).click();
    await o.getByTestId('handover').filter({ hasText: 'Angefragt' }).waitFor();
    await expectAccessible(o, 'case (owner)');
    await screenshot(o, 'case-owner');

    // The request appears in the Jobcenter's open overview live, without a reload (handoverEvents).
    await r.getByTestId('incoming-handover').filter({ hasText: reference }).waitFor();
    expect(await r.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    await loaded(r);
    await expectAccessible(r, 'dashboard (case worker)');
    await screenshot(r, 'dashboard-case-worker');
    await navigate(r, 'Fälle');
    const request = r.getByTestId('incoming-handover').filter({ hasText: reference });
    await request.waitFor();
    await expect(request.textContent()).resolves.toContain('Sprache, Bildung und Beruf');
    await expectAccessible(r, 'cases inbox (receiver)');
    await request.getByRole('button', { name: /Annehmen/ }).click();
    await r.locator('#received-cases').getByRole('link', { name: reference }).click();
    await r.getByRole('heading', { level: 1, name: `Fall ${reference}` }).waitFor();

    const visible = async () => {
      const result: Record<string, boolean> = {};
      for (const c of CATEGORIES)
        result[c] = (await r.getByTestId(`category-${c}`).getAttribute('data-visible')) === 'true';
      return result;
    };
    expect(await visible()).toEqual({
      IDENTITY: false,
      CONTACT: false,
      LANGUAGE: true,
      RESIDENCE: false,
      EDUCATION_EMPLOYMENT: true,
      HOUSING: false,
      FAMILY: false,
      HEALTH: false,
    });
    await r.getByTestId('category-LANGUAGE').getByText('B1').waitFor();
    await r.getByTestId('category-EDUCATION_EMPLOYMENT').getByText('Bauingenieurin').waitFor();
    await expect(r.getByTestId('category-IDENTITY').textContent()).resolves.toContain('nicht freigegeben');
    await expect(r.getByTestId('category-HOUSING').textContent()).resolves.toContain('nicht freigegeben');
    const receivedText = (await r.locator('main').textContent()) ?? '';
    expect(receivedText).not.toContain('Beispielfrau');
    expect(receivedText).not.toContain('Gemeinschaftsunterkunft');
    await expectAccessible(r, 'case (received)');
    await screenshot(r, 'case-received');

    // The owner sees the read in the disclosure log, then withdraws the consent.
    await o.reload();
    await r.evaluate(() => ((globalThis as any).__noReload = true));
    const log = o.locator('#disclosures');
    await log.getByRole('cell', { name: 'Jobcenter Krefeld' }).first().waitFor();
    await o.getByRole('button', { name: 'Einwilligung widerrufen' }).click();
    await o.getByLabel('Notiz zum Widerruf (optional)').fill('Widerruf mündlich in der Sprechstunde');
    await o.getByRole('button', { name: 'Widerruf jetzt wirksam machen' }).click();
    await consent.filter({ hasText: 'Widerrufen' }).waitFor();
    await expectAccessible(o, 'case (owner, consent withdrawn)');

    // The receiver's open case page follows at once, without a reload: no category any more.
    await r.getByText('nicht freigegeben', { exact: true }).nth(7).waitFor();
    expect(await r.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    expect(await visible()).toEqual(Object.fromEntries(CATEGORIES.map((c) => [c, false])));
    expect(await r.getByText('nicht freigegeben', { exact: true }).count()).toBe(8);
    const afterText = (await r.locator('main').textContent()) ?? '';
    expect(afterText).not.toContain('B1');
    expect(afterText).not.toContain('Bauingenieurin');
    // The receiver reads why and since when access ended, and is not offered the sender's actions.
    await r
      .getByTestId('handover-access')
      .getByText(/^Kein Zugriff mehr seit .+: Einwilligung widerrufen$/)
      .waitFor();
    expect(await r.getByRole('button', { name: 'Übergabe zurückziehen' }).count()).toBe(0);
    await expectAccessible(r, 'case (received, consent withdrawn)');
    await screenshot(r, 'case-withdrawn');

    expect(owner.problems).toEqual([]);
    expect(receiver.problems).toEqual([]);
    await owner.context.close();
    await receiver.context.close();
  }, 300_000);
});
