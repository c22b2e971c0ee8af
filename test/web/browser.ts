import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webDistDir } from '../../apps/api/src/bootstrap.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');

/**
 * Why the browser tests cannot run here, or null. They need the built web app (`npm run build
 * --prefix apps/web`) and Debian's chromium; CI provides both.
 */
export function browserTestsUnavailable(): string | null {
  const reason = !webDistDir()
    ? 'apps/web/dist is missing: run `npm run build:web` first'
    : !existsSync(CHROMIUM)
      ? `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`
      : null;
  // CI sets REQUIRE_BROWSER_TESTS=1: there a missing prerequisite is a failure, not a skip.
  if (reason && process.env.REQUIRE_BROWSER_TESTS === '1')
    throw new Error(`browser tests required, but ${reason}`);
  return reason;
}

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Buendnis-Demo-2026';

/**
 * `describe` for a browser test file; `describe.skip` with a warning when the prerequisites are
 * missing (under REQUIRE_BROWSER_TESTS=1 that throws instead).
 */
export function describeBrowser(name: string, fn: () => void): void {
  const unavailable = browserTestsUnavailable();
  if (unavailable) console.warn(`Skipping the browser tests of the web front end: ${unavailable}`);
  (unavailable ? describe.skip : describe)(name, fn);
}

export interface BrowserSuite {
  /** The portal with the Krefeld demo data, listening on a free port. */
  readonly t: TestApp;
  readonly baseURL: string;
  /** A fresh browser profile (its own storage, so its own session) on one page. */
  tab(): Promise<Tab>;
}

/**
 * For the enclosing `describe`: starts the portal with demo data (and `overrides`) and one chromium
 * before its tests, and stops both after them.
 */
export function browserSuite(overrides: Record<string, string> = {}): BrowserSuite {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let baseURL = '';
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true', ...overrides });
    // A fixed PORT when the suite's PUBLIC_URL must be known in advance (an identity provider's redirect URI).
    await app.app.listen(Number(overrides.PORT ?? 0), '127.0.0.1');
    baseURL = `http://127.0.0.1:${app.app.getHttpServer().address().port}`;
    browser = await launch();
  }, 180_000);
  // Also after a failed test: no browser profile keeps a session or a subscription into the next.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get t() {
      if (!app) throw new Error('the browser suite has not started');
      return app;
    },
    get baseURL() {
      return baseURL;
    },
    tab: async () => {
      const tab = await newTab(browser!, baseURL);
      contexts.push(tab.context);
      return tab;
    },
  };
}

export async function launch(): Promise<Browser> {
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP refusals seen so far. */
  problems: string[];
}

/** A fresh browser profile (its own storage, so its own session) on one page. */
export async function newTab(browser: Browser, baseURL: string): Promise<Tab> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  // Each wait for a state is bounded; generous, because the machines are shared and loaded.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
      problems.push(`csp: ${m.text()}`);
  });
  return { context, page, problems };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

/**
 * Opens a screen through the main navigation, as a user would, and waits until it is shown: an
 * in-app navigation moves focus to the new page's heading.
 */
export async function navigate(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    for (const h of (globalThis as any).document.querySelectorAll('h1')) h.__shownBefore = true;
  });
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.waitForFunction(() => {
    const focused = (globalThis as any).document.activeElement;
    return focused?.tagName === 'H1' && !focused.__shownBefore;
  });
}

/**
 * Waits until the screen has loaded: its heading is there and no part of it still says
 * "Wird geladen" (every query of the screen shows that while it runs).
 */
export async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const document = (globalThis as any).document;
    return !!document.querySelector('main h1') && !document.querySelector('.loading');
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol, so the page's CSP (scripts from
 * 'self' only) stays as it is in production.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  )) as { violations: AxeViolation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
}

/** Asserts an axe-clean screen and keeps a record of which screens were checked. */
export const axeChecked: string[] = [];
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length)
    throw new Error(
      `axe found serious/critical violations on ${screen}: ${JSON.stringify(violations, null, 2)}`,
    );
  axeChecked.push(screen);
}

/**
 * Rewrites `docs/screenshots/<name>.png` with the page as it is now, only under UPDATE_SCREENSHOTS=1:
 * an ordinary test run leaves the committed screenshots (and so the working tree) as they are.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
