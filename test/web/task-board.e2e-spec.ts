import type { Page } from 'playwright-core';
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

const board = (page: Page) => page.getByTestId('task-board');
const column = (page: Page, name: string | RegExp) => board(page).getByRole('region', { name });
const card = (page: Page, title: string) => board(page).getByTestId('task-card').filter({ hasText: title });

/** The status the API holds for the task of this title (as the coordinator sees it). */
async function statusOf(web: ReturnType<typeof browserSuite>, title: string): Promise<string> {
  const token = await web.t.login('koordination@demo.local', DEMO_PASSWORD);
  const allianceId = (await web.t.db.query('SELECT id FROM alliances LIMIT 1')).rows[0].id;
  const res = await web.t.gql(
    'query($a: ID!, $s: String) { tasks(allianceId: $a, filter: { search: $s }) { edges { node { title status } } } }',
    { a: allianceId, s: title },
    token,
  );
  return res.data.tasks.edges.find((e: any) => e.node.title === title).node.status;
}

describeBrowser(
  'web journey: the task board – partners, goal, status by keyboard and by drag, table, pages',
  () => {
    const web = browserSuite();

    it('a coordinator creates a task with a contributing partner and a goal, moves it by keyboard and by drag', async () => {
      const { page, problems } = await web.tab();
      await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
      await navigate(page, 'Aufgaben');
      await loaded(page);

      const title = 'Dolmetscherpool für Beratungsgespräche aufbauen';
      await page.getByRole('button', { name: 'Neue Aufgabe' }).click();
      const form = page.locator('#new-task');
      await form.getByLabel('Titel', { exact: true }).fill(title);
      await form.getByLabel('Federführender Partner').selectOption({ label: 'Jobcenter Krefeld' });
      await form
        .getByRole('group', { name: 'Mitwirkende Partner' })
        .getByLabel('Agentur für Arbeit Krefeld')
        .check();
      await form
        .getByLabel('Ziel', { exact: true })
        .selectOption({ label: 'Schnittstellen zwischen den Rechtskreisen verbessern' });
      await form.getByLabel('Fällig am').fill('2026-12-20');
      await form.getByRole('button', { name: 'Aufgabe anlegen' }).click();
      await form.getByRole('status').filter({ hasText: 'angelegt' }).waitFor();
      const created = card(page, title);
      await created.getByText('Ziel: Schnittstellen zwischen den Rechtskreisen verbessern').waitFor();
      // One card (its link; the hidden button label repeats the title for screen readers).
      expect(
        await column(page, /^Offen/)
          .getByRole('link', { name: title })
          .count(),
      ).toBe(1);

      // The cancelled tasks have their own column, collapsed at first.
      const cancelled = board(page).locator('section.cancelled');
      await expect(cancelled.locator('summary').textContent()).resolves.toBe('Abgebrochen (1)');
      expect(
        await cancelled
          .getByRole('link', { name: 'Mehrsprachigen Flyer zum Bündnis drucken lassen' })
          .isVisible(),
      ).toBe(false);
      await cancelled.locator('summary').click();
      await cancelled
        .getByRole('link', { name: 'Mehrsprachigen Flyer zum Bündnis drucken lassen' })
        .waitFor();
      await expectAccessible(page, 'task board (columns)');
      await screenshot(page, 'task-board-cancelled');

      // Keyboard only: from the card's link, Tab to "Status ändern", Enter, arrow to the new status
      // (nothing is saved on the way), Tab to "Status speichern", Enter.
      const updates: string[] = [];
      page.on('request', (r) => {
        if (/mutation UpdateTask\b/.test(r.postData() ?? '')) updates.push(r.postData()!);
      });
      await created.getByRole('link', { name: title }).focus();
      await page.keyboard.press('Tab');
      const focused = () =>
        page.evaluate(() => (globalThis as any).document.activeElement?.textContent ?? '');
      await expect(focused()).resolves.toBe(`Status ändern: ${title}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.tagName === 'SELECT');
      await page.keyboard.press('ArrowDown');
      await expect(created.getByLabel(`Neuer Status: ${title}`).inputValue()).resolves.toBe('IN_PROGRESS');
      await page.keyboard.press('Tab');
      await expect(focused()).resolves.toBe('Status speichern');
      expect(updates).toEqual([]);
      expect(await statusOf(web, title)).toBe('OPEN');
      await page.keyboard.press('Enter');
      await column(page, /^In Arbeit/)
        .getByRole('link', { name: title })
        .waitFor();
      // Focus follows the card into its new column; the change is announced.
      await page.waitForFunction((t) => (globalThis as any).document.activeElement?.textContent === t, title);
      await page.getByTestId('live-region').filter({ hasText: `ist jetzt „In Arbeit“` }).waitFor();
      expect(updates).toHaveLength(1);
      expect(await statusOf(web, title)).toBe('IN_PROGRESS');
      await expectAccessible(page, 'task board (status menu)');

      // The mouse: drag the card into "Erledigt".
      await card(page, title).dragTo(column(page, /^Erledigt/));
      await column(page, /^Erledigt/)
        .getByRole('link', { name: title })
        .waitFor();
      expect(await statusOf(web, title)).toBe('DONE');

      // The same page as a table, and the list in pages of ten.
      await page.getByRole('button', { name: 'Tabelle' }).click();
      const table = page.getByTestId('task-table');
      await table.getByRole('row').filter({ hasText: title }).getByText('Erledigt').waitFor();
      expect(await page.getByRole('button', { name: 'Tabelle' }).getAttribute('aria-pressed')).toBe('true');
      await page.getByLabel('Aufgaben pro Seite').selectOption('10');
      const range = page.getByTestId('page-range');
      await range.filter({ hasText: /^Aufgaben 1–10 von 1\d$/ }).waitFor();
      const firstPage = await table.locator('tbody th').allTextContents();
      await page.getByRole('button', { name: 'Nächste Seite' }).click();
      await range.filter({ hasText: /^Aufgaben 11–1\d von 1\d$/ }).waitFor();
      const secondPage = await table.locator('tbody th').allTextContents();
      expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
      await expectAccessible(page, 'task board (table)');
      await screenshot(page, 'task-table');
      await page.getByRole('button', { name: 'Vorherige Seite' }).click();
      await range.filter({ hasText: /^Aufgaben 1–10/ }).waitFor();
      await page.getByRole('button', { name: 'Spalten' }).click();
      await board(page).waitFor();

      // On a phone the board, its menus and the table stay usable and accessible.
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page, 'task board (phone)');
      expect(problems).toEqual([]);
    }, 300_000);

    it('the task page edits title, description, partners and goal, and explains a refused dependency next to the field', async () => {
      const { page, problems } = await web.tab();
      await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
      await navigate(page, 'Aufgaben');
      await loaded(page);
      await board(page)
        .getByRole('link', { name: 'Liste der Ansprechpersonen in Unternehmen zusammenstellen' })
        .click();
      await page.getByRole('heading', { level: 1, name: /Liste der Ansprechpersonen/ }).waitFor();
      await loaded(page);

      // Waiting for a task that already waits for this one would close a cycle.
      await page.getByLabel('Wartet zusätzlich auf').selectOption({
        label: 'Muster einer Kooperationsvereinbarung mit Unternehmen entwerfen',
      });
      await page.getByRole('button', { name: 'Hinzufügen' }).click();
      const hint = page.locator('#dep-error');
      await expect(hint.textContent()).resolves.toBe(
        'Das ergäbe einen Kreislauf: die Einträge würden aufeinander warten. Bitte wählen Sie einen anderen Eintrag.',
      );
      expect(await page.getByLabel('Wartet zusätzlich auf').getAttribute('aria-describedby')).toBe(
        'dep-error',
      );
      await expectAccessible(page, 'task details (refused dependency)');

      const edit = page.locator('#edit-task');
      await edit
        .getByLabel('Titel', { exact: true })
        .fill('Liste der Ansprechpersonen in Unternehmen pflegen');
      await edit.getByLabel('Beschreibung').fill('Halbjährlich mit dem Arbeitgeberservice abgleichen.');
      await edit.getByRole('group', { name: 'Mitwirkende Partner' }).getByLabel('Jobcenter Krefeld').check();
      await edit
        .getByLabel('Ziel', { exact: true })
        .selectOption({ label: 'Anerkennung ausländischer Berufsabschlüsse beschleunigen' });
      await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Liste der Ansprechpersonen in Unternehmen pflegen' })
        .waitFor();
      const facts = page.locator('dl.facts');
      await facts.getByText('Anerkennung ausländischer Berufsabschlüsse beschleunigen').waitFor();
      await facts.getByText(/JC-KR/).waitFor();
      await page
        .getByText('Halbjährlich mit dem Arbeitgeberservice abgleichen.', { exact: true })
        .first()
        .waitFor();

      // The status select saves only on its button.
      await page.getByLabel('Status ändern', { exact: true }).selectOption('CANCELLED');
      expect(await statusOf(web, 'Liste der Ansprechpersonen in Unternehmen pflegen')).toBe('DONE');
      await page.getByRole('button', { name: 'Status speichern' }).click();
      await page.getByRole('status').filter({ hasText: 'ist jetzt „Abgebrochen“' }).waitFor();
      expect(await statusOf(web, 'Liste der Ansprechpersonen in Unternehmen pflegen')).toBe('CANCELLED');
      await expectAccessible(page, 'task details (edited)');
      await screenshot(page, 'task-details-edited');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page, 'task details (phone)');
      expect(problems).toEqual([]);
    }, 300_000);

    it('a member sees status and edit controls only on their organisation’s tasks, and no case form at /faelle', async () => {
      const { page, problems } = await web.tab();
      await signIn(page, 'mitglied@demo.local', DEMO_PASSWORD);
      await navigate(page, 'Aufgaben');
      await loaded(page);
      // The Agentur für Arbeit contributes to the job fair; the cooperation agreement is the city's alone.
      const own = card(page, 'Jobmesse „Arbeit in Krefeld“ mit regionalen Unternehmen vorbereiten');
      await own.getByRole('button', { name: /^Status ändern/ }).waitFor();
      const foreign = card(page, 'Muster einer Kooperationsvereinbarung mit Unternehmen entwerfen');
      await foreign.waitFor();
      expect(await foreign.getByRole('button').count()).toBe(0);
      expect(await foreign.getAttribute('draggable')).toBeNull();
      await expectAccessible(page, 'task board (member)');

      await foreign.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /Kooperationsvereinbarung/ }).waitFor();
      await loaded(page);
      await page.getByText('Diese Aufgabe können Sie lesen, aber nicht ändern').waitFor();
      for (const control of ['Status ändern', 'Wartet zusätzlich auf', 'Neuer Kommentar'])
        expect(await page.getByLabel(control, { exact: true }).count()).toBe(0);
      expect(await page.locator('#edit-task').count()).toBe(0);
      await expectAccessible(page, 'task details (member, read only)');

      for (const [email, label] of [
        ['mitglied@demo.local', 'member'],
        ['beobachtung@demo.local', 'observer'],
      ]) {
        if (email !== 'mitglied@demo.local') {
          await page.getByRole('button', { name: 'Abmelden' }).click();
          await signIn(page, email, DEMO_PASSWORD);
        }
        await page.goto('/faelle');
        await page.getByTestId('open-case-not-allowed').waitFor();
        expect(await page.getByLabel('Gesundheit (Notiz)').count()).toBe(0);
        expect(await page.locator('#open-case').count()).toBe(0);
        await expectAccessible(page, `cases (${label}, no case form)`);
        if (label === 'member') await screenshot(page, 'cases-member');
      }
      expect(problems).toEqual([]);
    }, 300_000);
  },
);
