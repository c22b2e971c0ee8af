/**
 * The legal pages a German public body's portal must have (Impressum, Datenschutzerklärung,
 * Erklärung zur Barrierefreiheit, BITV 2.0 § 7): public, per language, the deployment's own texts
 * from LEGAL_DIR, the shipped templates marked as such without it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ConfigError } from '../../libs/core/src/index.js';
import { startTestApp, testConfig, type TestApp } from '../utils/test-app.js';

describe('legal pages: GET /legal/:page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers each page without sign-in, in German and English, from the templates (marked as such)', async () => {
    const expected = {
      impressum: ['Impressum', 'Legal notice (Impressum)', 'Verantwortlich für den Inhalt'],
      datenschutz: ['Datenschutzerklärung', 'Privacy notice', 'Ihre Rechte'],
      barrierefreiheit: [
        'Erklärung zur Barrierefreiheit',
        'Accessibility statement',
        'Durchsetzungsverfahren',
      ],
    };
    for (const [page, [de, en, section]] of Object.entries(expected)) {
      const german = await request(t.http).get(`/legal/${page}`).expect(200);
      expect(german.headers['content-language']).toBe('de');
      expect(german.body).toMatchObject({ page, lang: 'de', title: de, template: true });
      expect(german.body.html).toContain(`<h2>${section}</h2>`);
      // The title is the page's heading, not repeated in the body.
      expect(german.body.html).not.toContain('<h1>');
      const english = await request(t.http).get(`/legal/${page}?lang=en`).expect(200);
      expect(english.body).toMatchObject({ page, lang: 'en', title: en, template: true });
    }
    // The accessibility statement names a feedback channel and the enforcement procedure.
    const a11y = await request(t.http).get('/legal/barrierefreiheit').expect(200);
    expect(a11y.body.html).toContain('<h2>Feedback und Kontakt</h2>');
  });

  it('refuses an unknown page with 404 and a sentence naming the pages there are', async () => {
    const res = await request(t.http).get('/legal/agb').expect(404);
    expect(JSON.stringify(res.body)).toMatch(/impressum, datenschutz oder barrierefreiheit/);
    await request(t.http).get('/legal/..%2Fpackage.json').expect(404);
  });

  it("serves the deployment's own texts from LEGAL_DIR; English falls back to German", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-legal-'));
    writeFileSync(
      join(dir, 'impressum.de.md'),
      '# Impressum\n\nStadt Krefeld, Fachbereich **Migration und Integration**\n',
    );
    writeFileSync(join(dir, 'datenschutz.de.md'), '# Datenschutz\n\nText.\n');
    writeFileSync(join(dir, 'barrierefreiheit.de.md'), '# Barrierefreiheit\n\nText.\n');
    const own = await startTestApp({ LEGAL_DIR: dir });
    try {
      const de = await request(own.http).get('/legal/impressum').expect(200);
      expect(de.body).toMatchObject({ title: 'Impressum', template: false, lang: 'de' });
      expect(de.body.html).toContain('Stadt Krefeld, Fachbereich <strong>Migration und Integration</strong>');
      const en = await request(own.http).get('/legal/impressum?lang=en').expect(200);
      expect(en.body).toMatchObject({ lang: 'de', template: false });
      expect(en.headers['content-language']).toBe('de');
    } finally {
      await own.close();
    }
  });

  it('refuses to start with a LEGAL_DIR that does not exist, naming the setting', () => {
    expect(() => testConfig(t.databaseUrl, { LEGAL_DIR: '/nonexistent/legal' })).toThrow(ConfigError);
    expect(() => testConfig(t.databaseUrl, { LEGAL_DIR: '/nonexistent/legal' })).toThrow(/LEGAL_DIR/);
  });
});
