import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CATEGORIES } from '../casework.enums.js';
import { SHEET_LANGUAGES, TEMPLATE_TEXTS, templatesDir } from './consent-sheet.templates.js';

describe('consent sheet templates: one file per language', () => {
  const dir = templatesDir();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has German and every sheet language, and nothing else', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(['de', ...SHEET_LANGUAGES].sort());
  });

  it.each(files)(
    '%s says at its top that a qualified person must review it, and has every text and placeholder',
    (file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      // The review note is the first entry of the file, so nobody who opens it can miss it.
      expect(raw.startsWith('{\n  "_review": "')).toBe(true);
      const t = JSON.parse(raw);
      expect(t._review).toMatch(/qualified person must review/);
      expect(t._review).toMatch(/Vor der Verwendung muss eine qualifizierte Person/);
      expect(t.code).toBe(file.replace(/\.json$/, ''));
      expect(['ltr', 'rtl']).toContain(t.dir);
      for (const [key, placeholders] of Object.entries(TEMPLATE_TEXTS)) {
        expect({ key, value: typeof t[key] === 'string' && t[key].trim().length > 0 }).toEqual({
          key,
          value: true,
        });
        for (const p of placeholders)
          expect({ key, contains: t[key].includes(p) }).toEqual({ key, contains: true });
      }
      expect(Object.keys(t.categoryNames).sort()).toEqual([...ALL_CATEGORIES].sort());
    },
  );

  it('lays out Arabic and Farsi right to left, the others left to right', () => {
    const dirs = Object.fromEntries(
      files.map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')).dir]),
    );
    expect(dirs).toEqual({
      de: 'ltr',
      'de-ls': 'ltr',
      en: 'ltr',
      fr: 'ltr',
      tr: 'ltr',
      ru: 'ltr',
      uk: 'ltr',
      ar: 'rtl',
      fa: 'rtl',
    });
  });
});
