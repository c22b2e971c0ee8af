import { createServer } from 'node:net';
import { oidcEnv, startTestProvider, type TestProvider } from '../utils/oidc-provider.js';
import { browserSuite, describeBrowser, expectAccessible } from './browser.js';

/** A port free right now, so that PUBLIC_URL (and the provider's redirect URI) is known before the start. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describeBrowser('web: sign-in through the identity provider (German)', () => {
  // Filled before the suite starts the portal (browserSuite reads it in its own beforeAll).
  const env: Record<string, string> = {};
  let op: TestProvider | undefined;
  beforeAll(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    op = await startTestProvider(`${publicUrl}/auth/oidc/callback`);
    Object.assign(env, { PORT: String(port), PUBLIC_URL: publicUrl, ...oidcEnv(op) });
    op.account({ email: 'mitglied@demo.local', emailVerified: true });
    op.account({ email: 'niemand@stadt.test', emailVerified: true });
  });
  const suite = browserSuite(env);
  afterAll(() => op?.close());

  const throughProvider = async (page: import('playwright-core').Page, email: string) => {
    await page.getByRole('link', { name: 'Mit Stadt-Login anmelden' }).click();
    await page.getByLabel('E-Mail beim Anmeldedienst').fill(email);
    await page.getByRole('button', { name: 'Beim Anmeldedienst anmelden' }).click();
  };

  it('someone without an account is told how to get one', async () => {
    const { page } = await suite.tab();
    await page.goto('/');
    await page.getByRole('link', { name: 'Mit Stadt-Login anmelden' }).waitFor();
    await expectAccessible(page, 'Anmeldung mit Anmeldedienst');
    await throughProvider(page, 'niemand@stadt.test');
    await page.getByRole('alert').filter({ hasText: 'gibt es hier kein Konto' }).waitFor();
    // The result is taken out of the address bar.
    expect(new URL(page.url()).search).toBe('');
    await expectAccessible(page, 'Anmeldung mit Anmeldedienst: abgelehnt');
  });

  it('a member signs in through the test OpenID Provider', async () => {
    const { page, problems } = await suite.tab();
    await page.goto('/');
    // The password form stays beside the provider's button.
    await page.getByLabel('Passwort').waitFor();
    await throughProvider(page, 'mitglied@demo.local');
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(problems).toEqual([]);
  });
});
