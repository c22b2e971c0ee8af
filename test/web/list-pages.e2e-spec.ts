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

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** The element that has focus, as tag, id and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return {
      tag: el?.tagName as string,
      id: el?.id as string,
      text: (el?.textContent ?? '').trim() as string,
      inBoard: !!el?.closest('#task-board'),
    };
  });

describeBrowser('web journey: list pages open with their content; charts; the calendar subscription', () => {
  const web = browserSuite();

  it('the task board, goals and meetings put creating behind a button; the keyboard reaches the first task card in five steps', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Aufgaben');
    await loaded(page);
    // Nothing to fill in before the board: the form opens on request.
    expect(
      await page.locator('main input:not([type=search]):not([type=checkbox]), main textarea').count(),
    ).toBe(0);
    const create = page.getByRole('button', { name: 'Neue Aufgabe' });
    expect(await create.getAttribute('aria-expanded')).toBe('false');

    // From the top of a freshly loaded page: skip link, board skip link, first card.
    await page.reload();
    await loaded(page);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Zu den Aufgaben springen');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const card = await focused(page);
    expect(card).toMatchObject({ tag: 'A', inBoard: true });
    await expectAccessible(page, 'task board');
    await screenshot(page, 'task-board');

    // The create form: opened by the button, focus in its first field, closed again by "Abbrechen".
    await create.click();
    await page.locator('#new-task').getByRole('heading', { name: 'Neue Aufgabe' }).waitFor();
    expect((await focused(page)).id).toBe('t-title');
    await expectAccessible(page, 'task board (create form open)');
    await page.locator('#new-task').getByRole('button', { name: 'Abbrechen' }).click();
    await page.locator('#new-task').waitFor({ state: 'detached' });
    expect((await focused(page)).text).toBe('Neue Aufgabe');

    await navigate(page, 'Ziele');
    await loaded(page);
    expect(await page.locator('#g-title').count()).toBe(0);
    await page.getByRole('button', { name: 'Neues Ziel' }).click();
    await page.locator('#g-title').waitFor();
    expect((await focused(page)).id).toBe('g-title');

    await navigate(page, 'Sitzungen');
    await loaded(page);
    expect(await page.locator('#m-title').count()).toBe(0);
    await page.getByRole('button', { name: 'Sitzung planen' }).click();
    await page.locator('#m-title').waitFor();
    // Whom to invite: every active partner, changeable.
    const invitees = page.getByRole('group', { name: 'Eingeladene Partner' });
    const boxes = invitees.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThanOrEqual(8);
    await invitees.getByRole('button', { name: 'Keine' }).click();
    await invitees.getByText('0 eingeladen.').waitFor();
    await invitees.getByRole('button', { name: 'Alle aktiven Partner' }).click();
    await invitees.getByText('8 eingeladen.').waitFor();
    await expectAccessible(page, 'meetings (schedule form open)');
    expect(problems).toEqual([]);
  }, 240_000);

  it("an indicator's chart has axes with values and dates, baseline and target, and its values as a table", async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    await loaded(page);
    const chart = page.getByTestId('indicator-chart').first();
    await chart.waitFor();
    const svg = chart.locator('svg');
    expect(await svg.locator('line.axis').count()).toBe(2);
    expect(await svg.locator('line.baseline').count()).toBe(1);
    expect(await svg.locator('line.target').count()).toBe(1);
    // The x axis is labelled with dates, the y axis with values.
    const labels = await svg.locator('text.label').allTextContents();
    expect(labels.filter((l) => /^\d{2}\.\d{2}\.\d{4}$/.test(l)).length).toBe(2);
    // Three values on the y axis, two dates, the target's label.
    expect(labels.length).toBeGreaterThanOrEqual(6);
    const name = await svg.getAttribute('aria-label');
    expect(name).toMatch(/Ausgangswert/);
    await chart.getByText('Werte als Tabelle').click();
    const table = chart.getByRole('table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/^Ausgangswert/);
    expect(rows.at(-1)).toMatch(/^Ziel/);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'dashboard (chart table open)');
    await screenshot(page, 'dashboard');

    await navigate(page, 'Ziele');
    await loaded(page);
    await page.locator('details.indicator summary').first().click();
    const goalChart = page.locator('details.indicator').first().getByTestId('indicator-chart');
    expect(await goalChart.locator('line.axis').count()).toBe(2);
    await expectAccessible(page, 'goals (indicator open)');
    await screenshot(page, 'goals');
    expect(problems).toEqual([]);
  }, 180_000);

  it('the calendar subscription offers a webcal:// link and copies its address', async () => {
    const { page, context, problems } = await web.tab();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.baseURL });
    await signIn(page, 'mitglied@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Sitzungen');
    await loaded(page);
    await page.getByRole('button', { name: 'Kalenderadresse erzeugen' }).click();
    const link = page.getByTestId('calendar-link');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await page.getByLabel('Kalenderadresse').inputValue()).toBe(href);
    await page.getByRole('button', { name: 'Adresse kopieren' }).click();
    await page.getByTestId('calendar-copied').filter({ hasText: 'Adresse kopiert.' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(href);
    // The address works once its scheme is the web's again.
    const feed = await page.request.get(href.replace(/^webcal:/, 'http:'));
    expect(feed.status()).toBe(200);
    // Unfolded (RFC 5545 folds long lines), each event leads back to its meeting and agenda.
    expect((await feed.text()).replace(/\r\n[ \t]/g, '')).toContain('Tagesordnung im Bündnisportal: ');
    await expectAccessible(page, 'meetings (calendar subscription)');
    await screenshot(page, 'meetings');
    expect(problems).toEqual([]);
  }, 180_000);

  it('on a phone the header is compact and the list pages pass axe', async () => {
    const { page, problems } = await web.tab();
    await page.setViewportSize(PHONE);
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    await loaded(page);
    const height = await page.evaluate(() => {
      const d = (globalThis as any).document;
      return d.querySelector('.topbar').offsetHeight + d.querySelector('.mainnav').offsetHeight;
    });
    expect(height).toBeLessThanOrEqual(110);
    // The navigation scrolls sideways; its last entry is reachable.
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Konto' }).scrollIntoViewIfNeeded();
    await expectAccessible(page, 'dashboard (phone)');
    for (const [screen, heading] of [
      ['Aufgaben', 'Aufgaben'],
      ['Ziele', 'Ziele und Kennzahlen'],
      ['Sitzungen', 'Sitzungen'],
    ] as const) {
      await navigate(page, screen);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await loaded(page);
      await expectAccessible(page, `${screen} (phone)`);
    }
    await screenshot(page, 'phone-meetings');
    await page.setViewportSize(DESKTOP);
    expect(problems).toEqual([]);
  }, 180_000);
});
