import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';
import { LegalService } from './legal.service.js';

/** A LEGAL_DIR with an Impressum, and the service reading it. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'bp-legal-cache-'));
  const file = join(dir, 'impressum.de.md');
  writeFileSync(file, '# Impressum\n\nStadt Krefeld\n');
  const legal = new LegalService({ legalDir: dir, production: false } as AppConfig);
  return { file, legal };
}

describe('LegalService: rendered once per version of the file', () => {
  it('renders a changed file again at the next request', async () => {
    const { file, legal } = setUp();
    expect((await legal.page('impressum', 'de')).html).toContain('Stadt Krefeld');
    writeFileSync(file, '# Impressum\n\nStadt Krefeld, Fachbereich **Integration**\n');
    // A later modification time, as an editor's save gives it (even within the file system's tick).
    const later = new Date(statSync(file).mtimeMs + 2000);
    utimesSync(file, later, later);
    const page = await legal.page('impressum', 'de');
    expect(page.html).toContain('Fachbereich <strong>Integration</strong>');
    expect(page.title).toBe('Impressum');
  });

  it('renders a file of another size again even with the same modification time', async () => {
    const { file, legal } = setUp();
    await legal.page('impressum', 'de');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, '# Impressum\n\nStadt Düsseldorf, Amt 50\n');
    utimesSync(file, atime, mtime);
    expect((await legal.page('impressum', 'de')).html).toContain('Stadt Düsseldorf');
  });

  it('serves the rendered page while the file keeps its modification time and size', async () => {
    const { file, legal } = setUp();
    const first = await legal.page('impressum', 'de');
    const { atime, mtime } = statSync(file);
    // Same length, same time: what a cache keyed by them cannot tell apart, so it is not read again.
    writeFileSync(file, '# Impressum\n\nStadt Kleve!!\n');
    utimesSync(file, atime, mtime);
    const second = await legal.page('impressum', 'de');
    expect(second).toBe(first);
    expect(second.html).toContain('Stadt Krefeld');
  });
});
