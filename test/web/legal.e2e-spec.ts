/**
 * The footer with the legal pages on every page, signed out and signed in, reached with the
 * keyboard; the favicon is an icon, not the app's HTML.
 */
import request from 'supertest';
import {
  browserSuite,
  DEMO_PASSWORD,
  describeBrowser,
  expectAccessible,
  screenshot,
  signIn,
} from './browser.js';

describeBrowser('web: legal pages in the footer of every page (BITV 2.0 § 7)', () => {
  const s = browserSuite();

  it('signed out: the sign-in page links Impressum, Datenschutz and Barrierefreiheit; each page opens in German and English', async () => {
    const { page, problems } = await s.tab();
    await page.goto('/');
    const footer = page.getByRole('navigation', { name: 'Rechtliches' });
    await footer.getByRole('link', { name: 'Impressum' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impressum' }).waitFor();
    await page.getByRole('note').filter({ hasText: 'Mustertext' }).waitFor();
    expect(page.url()).toMatch(/\/impressum$/);
    await expectAccessible(page, 'legal: Impressum (signed out)');

    await footer.getByRole('link', { name: 'Barrierefreiheit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Feedback und Kontakt' }).waitFor();
    await expectAccessible(page, 'legal: Barrierefreiheit');
    await screenshot(page, 'legal-accessibility-statement');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('signed in: the footer is on the overview too, and a page opens with the keyboard, its heading focused', async () => {
    const { page, problems } = await s.tab();
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    // The overview's heading takes focus once after signing in; the footer link is focused after
    // that, or the heading would take the focus back from it.
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.tagName === 'H1');
    const link = page
      .getByRole('navigation', { name: 'Rechtliches' })
      .getByRole('link', { name: 'Datenschutz' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const focused = (globalThis as any).document.activeElement;
      return focused?.tagName === 'H1' && focused.textContent === 'Datenschutzerklärung';
    });
    await page.getByRole('heading', { level: 2, name: 'Ihre Rechte' }).waitFor();
    // Still signed in, with the main navigation.
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    await expectAccessible(page, 'legal: Datenschutz (signed in)');
    expect(problems).toEqual([]);
  });

  it('answers /favicon.ico with an icon', async () => {
    const res = await request(s.t.http).get('/favicon.ico').set('accept', 'text/html,*/*').expect(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    const svg = await request(s.t.http).get('/favicon.svg').expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });
});
