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
import {
  meetingEventsTrigger,
  registeredSubscriptions,
  waitForSubscriptions,
} from '../utils/subscriptions.js';

describeBrowser('web journey 2: a facilitator runs a meeting from start to approved minutes', () => {
  const web = browserSuite();

  it('schedules, starts, records attendance with a live quorum and a decision with a follow-up task, writes and approves the minutes; then the record is read-only', async () => {
    const { page, problems, context } = await web.tab();
    await signIn(page, 'moderation@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Sitzungen');
    await page.getByRole('heading', { name: 'Alle Sitzungen' }).waitFor();
    await loaded(page);
    await expectAccessible(page, 'meetings');
    await screenshot(page, 'meetings');

    // Schedule a meeting the facilitator chairs: the form opens from its button.
    const title = 'Arbeitsgruppe Berufssprachkurse';
    await page.getByRole('button', { name: 'Sitzung planen' }).click();
    await page.locator('#m-title').fill(title);
    await page.getByLabel('Art', { exact: true }).selectOption('WORKING_GROUP');
    await page.getByLabel('Beginn', { exact: true }).fill('2026-12-03T10:00');
    await page.getByLabel('Ort', { exact: true }).fill('Rathaus Krefeld, Raum 101');
    // An end before the start is refused; the message names the field in German.
    await page.getByLabel('Ende', { exact: true }).fill('2026-12-03T09:00');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    const refusal = page.locator('#schedule').getByRole('alert');
    await expect(refusal.textContent()).resolves.toContain('Bitte prüfen Sie Ihre Eingaben.');
    // The API names the broken rule (END_BEFORE_START); the app says how to put it right.
    await expect(refusal.textContent()).resolves.toContain(
      'Ende: Das Ende liegt vor dem Beginn. Bitte wählen Sie ein Ende, das nach dem Beginn liegt.',
    );
    await expectAccessible(page, 'meetings (input error)');
    await page.getByLabel('Ende', { exact: true }).fill('2026-12-03T12:00');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.getByTestId('meeting-status').textContent()).resolves.toBe('Geplant');

    // Agenda, then start.
    await page
      .getByLabel('Tagesordnungspunkt', { exact: true })
      .first()
      .fill('Bedarf an Berufssprachkursen 2027');
    await page.getByLabel('Dauer (Minuten)').fill('30');
    await page.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.locator('ol.agenda').getByText('Bedarf an Berufssprachkursen 2027').waitFor();
    // It is planned for a later day: starting it now asks first.
    await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    const early = page.getByRole('dialog', { name: 'Sitzung schon jetzt eröffnen?' });
    await early.getByText('Eröffnen Sie sie nur, wenn sie wirklich heute stattfindet').waitFor();
    await expectAccessible(page, 'meeting room (start early?)');
    await early.getByRole('button', { name: 'Trotzdem eröffnen' }).click();
    await page.getByTestId('meeting-status').filter({ hasText: 'Läuft' }).waitFor();

    // Attendance per partner; the quorum (more than half of the 8 invited) shows as it changes.
    const quorum = page.getByTestId('quorum');
    await expect(quorum.textContent()).resolves.toMatch(/^Nicht beschlussfähig/);
    const selects = page.locator('#attendance select');
    expect(await selects.count()).toBe(8);
    // Choosing saves nothing yet (no change of context on input); the row's button records it.
    const record = async (i: number, status: string) => {
      await selects.nth(i).selectOption(status);
      await page
        .locator('#attendance form')
        .nth(i)
        .getByRole('button', { name: /^Speichern/ })
        .click();
    };
    for (let i = 0; i < 4; i++) {
      await record(i, 'PRESENT');
      await quorum.filter({ hasText: `${i + 1} von 8` }).waitFor();
    }
    await expect(quorum.textContent()).resolves.toMatch(/^Nicht beschlussfähig/);
    // A member following the meeting in another browser sees the quorum change without reloading.
    const observer = await web.tab();
    await signIn(observer.page, 'mitglied@demo.local', DEMO_PASSWORD);
    const meetingId = new URL(page.url()).pathname.split('/').pop()!;
    const room = meetingEventsTrigger(meetingId);
    const listeners = registeredSubscriptions(web.t, room).length;
    // The observer's clock is the test's: its idle minute below passes without waiting for it.
    await observer.page.clock.install();
    await observer.page.goto(page.url());
    const observed = observer.page.getByTestId('quorum');
    await observed.filter({ hasText: /^Nicht beschlussfähig – 4 von 8/ }).waitFor();
    expect(await observer.page.locator('#attendance select').count()).toBe(0);
    await observer.page.evaluate(() => ((globalThis as any).__noReload = true));
    // The observer's room listens to the meeting's events; it does not poll: idle, it asks for nothing.
    await waitForSubscriptions(web.t, room, (r) => r.length > listeners, "the observer's room listening");
    const meetingQueries: number[] = [];
    observer.page.on('request', (r) => {
      if (r.method() === 'POST' && /query Meeting\b/.test(r.postData() ?? ''))
        meetingQueries.push(Date.now());
    });
    // A minute of the page's time passes: every timer it has set fires, a polling one included.
    await observer.page.clock.runFor(60_000);
    // A request sent after those timers: once it is seen, so is any request they sent.
    const marker = observer.page.waitForRequest((r) => r.url().endsWith('/ready?after-idle-minute'));
    await observer.page.evaluate(() => fetch('/ready?after-idle-minute').then(() => undefined));
    await marker;
    expect(meetingQueries).toEqual([]);

    await record(4, 'PRESENT');
    await quorum.filter({ hasText: /^Beschlussfähig – 5 von 8/ }).waitFor();
    await observed.filter({ hasText: /^Beschlussfähig – 5 von 8/ }).waitFor();
    expect(await observer.page.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    // The update came with a read the event caused.
    expect(meetingQueries.length).toBeGreaterThanOrEqual(1);
    expect(observer.problems).toEqual([]);
    await observer.context.close();
    await record(5, 'EXCUSED');
    await quorum.filter({ hasText: /^Beschlussfähig – 5 von 8/ }).waitFor();

    // A decision with a follow-up task.
    await page.locator('#d-title').fill('Zusätzlicher Berufssprachkurs B2');
    await page.getByLabel('Tagesordnungspunkt', { exact: true }).last().selectOption({ index: 1 });
    await page
      .getByLabel('Wortlaut des Beschlusses')
      .fill('Die Arbeitsgruppe empfiehlt einen zusätzlichen Berufssprachkurs B2 ab Februar 2027.');
    await page.locator('#d-fu-title').fill('Träger für Berufssprachkurs B2 anfragen');
    await page.locator('#d-fu-lead').selectOption({ label: 'Jobcenter Krefeld' });
    await page.locator('#d-fu-due').fill('2027-01-15');
    await page.getByRole('button', { name: 'Beschluss speichern' }).click();
    const decision = page.getByTestId('decision').filter({ hasText: 'Zusätzlicher Berufssprachkurs B2' });
    await decision.waitFor();
    await expect(decision.textContent()).resolves.toMatch(/Beschluss \d{4}\/\d{3}/);
    await decision.getByRole('link', { name: 'Träger für Berufssprachkurs B2 anfragen' }).waitFor();
    await expectAccessible(page, 'meeting room (in progress)');
    await screenshot(page, 'meeting-room');

    // Adjourn (after a question that says what follows), write and approve the minutes.
    await page.getByRole('button', { name: 'Sitzung schließen' }).click();
    const adjourn = page.getByRole('dialog', { name: 'Sitzung schließen?' });
    await adjourn.getByText('keine Tagesordnungspunkte mehr hinzufügen').waitFor();
    await adjourn.getByRole('button', { name: 'Sitzung schließen' }).click();
    await page.getByTestId('meeting-status').filter({ hasText: 'Geschlossen' }).waitFor();
    // The agenda is closed with the meeting: no form to add to it.
    await page.locator('#agenda').getByText('Die Tagesordnung ist abgeschlossen').waitFor();
    expect(await page.locator('#agenda-title').count()).toBe(0);
    // Until the minutes are approved a decision can still be corrected.
    await decision.getByRole('button', { name: /^Korrigieren/ }).click();
    await decision
      .getByLabel('Wortlaut des Beschlusses')
      .fill('Die Arbeitsgruppe empfiehlt einen zusätzlichen Berufssprachkurs B2 ab März 2027.');
    await decision.getByRole('button', { name: 'Korrektur speichern' }).click();
    await decision
      .getByText('Die Arbeitsgruppe empfiehlt einen zusätzlichen Berufssprachkurs B2 ab März 2027.')
      .waitFor();
    await page
      .getByLabel('Protokolltext')
      .fill(
        '# Verlauf\n\n- **Anwesend:** 5 von 8 Partnern.\n- TOP 1: Bedarf an Berufssprachkursen 2027 – Beschluss siehe oben.',
      );
    // The Markdown shows formatted in the preview.
    const preview = page.getByTestId('minutes-preview');
    await preview.getByRole('heading', { name: 'Verlauf' }).waitFor();
    expect(await preview.locator('li strong').textContent()).toBe('Anwesend:');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Entwurf gespeichert.' }).waitFor();
    await expectAccessible(page, 'meeting room (minutes draft)');
    await page.getByRole('button', { name: 'Protokoll genehmigen' }).click();
    const approve = page.getByRole('dialog', { name: 'Protokoll genehmigen?' });
    await approve
      .getByText('Mit der Genehmigung werden endgültig: Tagesordnung, Anwesenheit, die Beschlüsse (1)')
      .waitFor();
    await expectAccessible(page, 'meeting room (approve?)');
    await approve.getByRole('button', { name: 'Jetzt genehmigen' }).click();
    await page.getByTestId('meeting-status').filter({ hasText: 'Protokoll genehmigt' }).waitFor();

    // Read-only: a notice, the minutes as text, no form field and no action that changes the record.
    await page.getByTestId('read-only').waitFor();
    await expect(page.getByTestId('minutes-text').textContent()).resolves.toContain(
      'TOP 1: Bedarf an Berufssprachkursen 2027',
    );
    await page.getByTestId('minutes-text').getByRole('heading', { name: 'Verlauf' }).waitFor();
    expect(await page.getByTestId('minutes-text').textContent()).not.toContain('#');
    await page.getByText('Protokoll: Sitzungsleitung (Demo)').waitFor();
    const main = page.locator('main');
    expect(await main.locator('input, select, textarea').count()).toBe(0);
    for (const action of [
      'Sitzung eröffnen',
      'Sitzung schließen',
      'Sitzung absagen',
      'Beschluss speichern',
      'Korrigieren',
      'Entwurf speichern',
      'Protokoll genehmigen',
      'Hinzufügen',
    ]) {
      expect(await page.getByRole('button', { name: action }).count()).toBe(0);
    }
    // What remains: the PDF and, the decision being final, amending it by a new one.
    expect(await page.getByRole('button').allTextContents()).toEqual([
      'English',
      'Abmelden',
      'Protokoll als PDF',
      expect.stringMatching(/^Ändern \(neuer Beschluss\) \d{4}\/\d{3}$/),
    ]);
    // After a reload too.
    await page.reload();
    await page.getByTestId('read-only').waitFor();
    expect(await main.locator('input, select, textarea').count()).toBe(0);
    await expectAccessible(page, 'meeting room (approved, read-only)');
    await screenshot(page, 'meeting-approved');

    // The printable minutes download with the user's token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Protokoll als PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/Protokoll\.pdf$/);

    // The API agrees: final, with its decision and follow-up task.
    const token = await web.t.login('moderation@demo.local', DEMO_PASSWORD);
    const id = new URL(page.url()).pathname.split('/').pop();
    const { data } = await web.t.gql(
      'query($id: ID!) { meeting(id: $id) { status quorate minutes { status } decisions { title followUpTasks { title leadPartner { organisation { name } } } } } }',
      { id },
      token,
    );
    expect(data.meeting).toEqual({
      status: 'MINUTES_APPROVED',
      quorate: true,
      minutes: { status: 'APPROVED' },
      decisions: [
        {
          title: 'Zusätzlicher Berufssprachkurs B2',
          followUpTasks: [
            {
              title: 'Träger für Berufssprachkurs B2 anfragen',
              leadPartner: { organisation: { name: 'Jobcenter Krefeld' } },
            },
          ],
        },
      ],
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
