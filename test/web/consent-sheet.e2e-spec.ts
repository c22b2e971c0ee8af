import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  SHEET_LANGUAGES,
  templatesDir,
} from '../../libs/casework/src/consent-sheet/consent-sheet.templates.js';
import { asExtracted, pdfColumns } from '../casework/pdf-text.js';
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

const require = createRequire(import.meta.url);
const template = (code: string) => JSON.parse(readFileSync(join(templatesDir(), `${code}.json`), 'utf8'));

/** A small PNG (1×1), what a phone scan would be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Renders every page of a PDF with pdf.js in the browser, one canvas under the other. */
const RENDER = `<!doctype html><html lang="de"><head><title>PDF</title></head><body style="margin:0;background:#ccc">
<main></main>
<script type="module">
import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const doc = await pdfjs.getDocument({ url: '/sheet.pdf' }).promise;
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const viewport = page.getViewport({ scale: 1.4 });
  const canvas = document.createElement('canvas');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  canvas.style.display = 'block';
  canvas.style.margin = '0 0 8px';
  document.querySelector('main').append(canvas);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
}
document.body.dataset.pages = String(doc.numPages);
</script></body></html>`;

describeBrowser('web journey: the consent sheet in the client language and its signed scan', () => {
  const web = browserSuite();
  let caseId = '';
  let consentId = '';

  it('records a consent, prints the Arabic sheet (PDF and accessible view), uploads the signed scan; a wrong file is refused in plain words', async () => {
    const { page: o, context, problems } = await web.tab();
    await signIn(o, 'fallmanagement@demo.local', DEMO_PASSWORD);
    await navigate(o, 'Fälle');
    await loaded(o);
    const openForm = o.locator('#open-case');
    await openForm.getByLabel('Vorname', { exact: true }).fill('Amina');
    await openForm.getByLabel('Nachname', { exact: true }).fill('Beispiel-Saleh');
    await openForm.getByLabel('Arbeit', { exact: true }).check();
    await o.getByRole('button', { name: 'Fall eröffnen' }).click();
    await o.getByRole('heading', { level: 1, name: /^Fall / }).waitFor();
    caseId = new URL(o.url()).pathname.split('/').pop()!;

    const consentForm = o.locator('#record-consent');
    await consentForm.getByLabel('Jobcenter Krefeld').check();
    await consentForm.getByLabel('Bildung und Beruf', { exact: true }).check();
    await consentForm.getByLabel('Zweck', { exact: true }).fill('Vermittlung in Arbeit durch das Jobcenter');
    await consentForm.getByLabel('Schriftlich (unterschrieben)').check();
    await consentForm.getByLabel('In welcher Sprache wurde die Person aufgeklärt?').selectOption('ar');
    await consentForm.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const consent = o.getByTestId('consent').filter({ hasText: 'Aktiv' });
    await consent.waitFor();

    // Print: Arabic is offered first, because the client was informed in Arabic.
    const language = consent.getByLabel('Sprache neben Deutsch');
    await expect(language.inputValue()).resolves.toBe('ar');
    const [download] = await Promise.all([
      o.waitForEvent('download'),
      consent.getByRole('button', { name: 'PDF herunterladen' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfColumns(pdf, true);
    expect(text.right).toContain(asExtracted(template('ar').withdraw, true));
    expect(text.left).toContain('Vermittlung in Arbeit durch das Jobcenter');
    expect(text.left).toContain('Beispiel-Saleh');

    const [view] = await Promise.all([
      context.waitForEvent('page'),
      consent.getByRole('button', { name: 'Barrierefreie Ansicht öffnen' }).click(),
    ]);
    await view.waitForFunction(() => !!(globalThis as any).document.querySelector('[lang="ar"][dir="rtl"]'));
    await view.getByText(template('ar').noDisadvantage).first().waitFor();
    await expectAccessible(view, 'consent sheet (accessible view, Arabic)');
    await screenshot(view, 'consent-sheet-html-ar');
    await view.close();
    consentId = (await consent
      .getByTestId('consent-evidence')
      .locator('input[type=file]')
      .getAttribute('id'))!.replace('evidence-file-', '');

    // A file that only pretends to be a PDF is refused, in words that say what to do.
    const evidence = consent.getByTestId('consent-evidence');
    await evidence.getByText('Noch kein unterschriebener Bogen hochgeladen.').waitFor();
    const input = evidence.getByLabel(/Scan des unterschriebenen Bogens/);
    await input.setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('kein Scan'),
    });
    await evidence.getByRole('button', { name: 'Scan hochladen' }).click();
    await evidence.getByRole('alert').filter({ hasText: 'kein PDF, JPEG oder PNG' }).waitFor();

    await input.setInputFiles({ name: 'unterschrift.png', mimeType: 'image/png', buffer: PNG });
    await evidence.getByRole('button', { name: 'Scan hochladen' }).click();
    await evidence.getByRole('status').filter({ hasText: 'Der Scan ist gespeichert' }).waitFor();
    await evidence.getByText(/PNG, 1 kB, hochgeladen am/).waitFor();
    await evidence.getByRole('button', { name: 'Scan ersetzen' }).waitFor();
    await expectAccessible(o, 'case (owner, consent sheet and signed scan)');
    await screenshot(o, 'case-consent-evidence');
    expect(problems).toEqual([]);
  }, 300_000);

  it("each language's PDF sheet as a picture, rendered by pdf.js (docs/screenshots/consent-sheet-<lang>.png)", async () => {
    expect(consentId).toMatch(/^[0-9a-f-]{36}$/);
    const token = await web.t.login('fallmanagement@demo.local', DEMO_PASSWORD);
    const { page } = await web.tab();
    const build = join(require.resolve('pdfjs-dist/package.json'), '..', 'build');
    for (const lang of SHEET_LANGUAGES) {
      const res = await web.t.get(`/cases/${caseId}/consents/${consentId}/sheet.pdf?lang=${lang}`, {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(200);
      await page.route('http://sheet.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/sheet.pdf') return route.fulfill({ body: res.raw, contentType: 'application/pdf' });
        if (path === '/pdf.mjs' || path === '/pdf.worker.mjs')
          return route.fulfill({ body: readFileSync(join(build, path)), contentType: 'text/javascript' });
        return route.fulfill({ body: RENDER, contentType: 'text/html' });
      });
      await page.goto('http://sheet.test/render.html');
      await page.waitForFunction(() => Number((globalThis as any).document.body.dataset.pages) > 0);
      await screenshot(page, `consent-sheet-${lang}`);
      await page.unrouteAll();
    }
  }, 300_000);
});
