import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import {
  browserTestsUnavailable,
  expectAccessible,
  launch,
  navigate,
  newTab,
  screenshot,
  signIn,
} from './browser.js';

const DEMO_PASSWORD = 'Buendnis-Demo-2026';
const unavailable = browserTestsUnavailable();
if (unavailable) console.warn(`Skipping the browser tests of the web front end: ${unavailable}`);
const describeBrowser = unavailable ? describe.skip : describe;

describeBrowser(
  'web journey: a coordinator opens the alliance report, changes the period, downloads it',
  () => {
    let t: TestApp;
    let browser: Browser;
    let baseURL: string;

    beforeAll(async () => {
      t = await startTestApp({ DEMO_DATA: 'true' });
      await t.app.listen(0, '127.0.0.1');
      baseURL = `http://127.0.0.1:${t.app.getHttpServer().address().port}`;
      browser = await launch();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('shows a year with charts and tables, a chosen period, and downloads XLSX and PDF', async () => {
      const { page, problems } = await newTab(browser, baseURL);
      await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
      await navigate(page, 'Berichte');
      const year = await page.locator('#r-from').inputValue();
      expect(year).toMatch(/^\d{4}-01-01$/);
      await page
        .getByRole('heading', { level: 2, name: /^Bericht 01\.01\.\d{4} – 31\.12\.\d{4}$/ })
        .waitFor();
      await page.getByRole('heading', { name: 'Ziele und Indikatoren' }).waitFor();
      await page.waitForLoadState('networkidle');
      // Each indicator: a chart (an image with a text summary) and its data table.
      const charts = page.locator('#report-goals figure svg[role="img"]');
      expect(await charts.count()).toBeGreaterThan(0);
      expect(await page.locator('#report-goals table caption').first().textContent()).toMatch(/^Messwerte: /);
      await page.getByRole('table', { name: 'Aufgaben je Partner' }).waitFor();
      await page.getByRole('heading', { name: 'Fallarbeit (nur Summen)' }).waitFor();
      await expectAccessible(page, 'reports (year)');
      await screenshot(page, 'reports');

      // Change the period: the previous year, then a custom period with its end before its start.
      const previous = String(Number(year.slice(0, 4)) - 1);
      await page.getByLabel('Vorlage', { exact: true }).selectOption(`y${previous}`);
      await page
        .getByRole('heading', { level: 2, name: `Bericht 01.01.${previous} – 31.12.${previous}` })
        .waitFor();
      await page.getByLabel('Von', { exact: true }).fill(`${previous}-06-01`);
      await page.getByLabel('Bis', { exact: true }).fill(`${previous}-05-01`);
      await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'Das Ende des Zeitraums darf nicht vor dem Beginn liegen',
      );
      await expectAccessible(page, 'reports (input error)');
      await page.getByLabel('Bis', { exact: true }).fill(`${previous}-09-30`);
      await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
      await page
        .getByRole('heading', { level: 2, name: `Bericht 01.06.${previous} – 30.09.${previous}` })
        .waitFor();
      // 1 June – 30 September holds one whole quarter (Q3).
      await page.getByRole('table', { name: `Fälle – ${previous}-Q3` }).waitFor();
      await expectAccessible(page, 'reports (custom period)');

      // Downloads.
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Excel (XLSX)' }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe(`buendnisbericht-${previous}-06-01-${previous}-09-30.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile((await xlsx.path())!);
      expect(book.worksheets.map((w) => w.name)).toContain('Fälle');
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'PDF' }).click(),
      ]);
      expect(pdf.suggestedFilename()).toBe(`buendnisbericht-${previous}-06-01-${previous}-09-30.pdf`);
      expect(
        readFileSync((await pdf.path())!)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(problems).toEqual([]);
    }, 180_000);
  },
);
