import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { LegalService } from './legal.service.js';

const SAVED_AT = 1_790_000_000;

/** A LEGAL_DIR with an Impressum, and the service reading it. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'bp-legal-cache-'));
  const file = join(dir, 'impressum.de.md');
  writeFileSync(file, '# Impressum\n\nStadt Krefeld\n');
  // Whole seconds: a time the tests can set again exactly (a stat's own has nanoseconds).
  utimesSync(file, SAVED_AT, SAVED_AT);
  const legal = new LegalService({ legalDir: dir, production: false } as AppConfig);
  return { file, legal };
}

describe('LegalService: rendered once per version of the file', () => {
  it('renders a changed file again at the next request', async () => {
    const { file, legal } = setUp();
    expect((await legal.page('impressum', 'de')).html).toContain('Stadt Krefeld');
    writeFileSync(file, '# Impressum\n\nStadt Krefeld, Fachbereich **Integration**\n');
    // A later modification time, as an editor's save gives it (even within the file system's tick).
    utimesSync(file, SAVED_AT + 2, SAVED_AT + 2);
    const page = await legal.page('impressum', 'de');
    expect(page.html).toContain('Fachbereich <strong>Integration</strong>');
    expect(page.title).toBe('Impressum');
  });

  it('renders a file of another size again even with the same modification time', async () => {
    const { file, legal } = setUp();
    await legal.page('impressum', 'de');
    writeFileSync(file, '# Impressum\n\nStadt Düsseldorf, Amt 50\n');
    utimesSync(file, SAVED_AT, SAVED_AT);
    expect((await legal.page('impressum', 'de')).html).toContain('Stadt Düsseldorf');
  });

  it('serves the rendered page while the file keeps its modification time and size', async () => {
    const { file, legal } = setUp();
    const first = await legal.page('impressum', 'de');
    // Same length, same time: what a cache keyed by them cannot tell apart, so it is not read again.
    writeFileSync(file, '# Impressum\n\nStadt Kleve!!\n');
    utimesSync(file, SAVED_AT, SAVED_AT);
    const second = await legal.page('impressum', 'de');
    expect(second).toBe(first);
    expect(second.html).toContain('Stadt Krefeld');
  });
});
