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
import { taskEventsTrigger, waitForSubscriptions } from '../utils/subscriptions.js';
import type { TestApp } from '../utils/test-app.js';

describeBrowser(
  'web journey 1: a coordinator creates a task, a second signed-in browser sees it live',
  () => {
    const web = browserSuite();
    const demoAllianceId = () => allianceOf(web.t);

    it('serves the app at / and client routes, but never for the API paths', async () => {
      const res = await fetch(`${web.baseURL}/aufgaben`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root"></div>');
      const health = await fetch(`${web.baseURL}/health`, { headers: { accept: 'text/html' } });
      expect(health.headers.get('content-type')).toContain('application/json');
      const pdf = await fetch(`${web.baseURL}/meetings/00000000-0000-4000-8000-000000000000/minutes.pdf`, {
        headers: { accept: 'text/html' },
      });
      expect(pdf.headers.get('content-type') ?? '').not.toContain('text/html');
      const calendar = await fetch(`${web.baseURL}/calendar/nope.ics`, { headers: { accept: 'text/html' } });
      expect(calendar.status).toBe(404);
      expect(await calendar.text()).not.toContain('<div id="root">');
    });

    it('signs in, shows dashboard, alliance and goals accessibly, in German and in English', async () => {
      const { page, problems, context } = await web.tab();
      await page.goto('/');
      await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
      await expectAccessible(page, 'sign-in');
      await screenshot(page, 'sign-in');

      // A wrong password answers in plain German.
      await page.getByLabel('E-Mail-Adresse').fill('koordination@demo.local');
      await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'E-Mail-Adresse oder Passwort stimmen nicht',
      );

      // Keyboard only: Tab to the fields, Enter submits.
      await page.getByLabel('E-Mail-Adresse').fill('');
      await page.getByLabel('Passwort').fill('');
      await page.locator('body').click();
      await page.getByLabel('E-Mail-Adresse').focus();
      await page.keyboard.type('koordination@demo.local');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('password');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      // Signing in is a page change within the app: the new page's heading takes focus.
      await page.waitForFunction(() =>
        /Guten Tag/.test((globalThis as any).document.activeElement?.textContent ?? ''),
      );
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.tagName)).toBe('H1');
      // A page load is not: once the page has loaded completely, nothing has taken focus, so the
      // first Tab reaches the skip link, which moves focus to the content.
      await page.reload();
      await page.getByRole('heading', { name: 'Fortschritt der Ziele' }).waitFor();
      await loaded(page);
      expect(
        await page.evaluate(() => {
          const document = (globalThis as any).document;
          return document.activeElement === document.body;
        }),
      ).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe(
        'Zum Inhalt springen',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('main');
      await expectAccessible(page, 'dashboard');
      await screenshot(page, 'dashboard');

      await navigate(page, 'Bündnis');
      await page.getByRole('heading', { name: 'Zusammenarbeit im Bündnis' }).waitFor();
      await loaded(page);
      await expectAccessible(page, 'alliance');
      await screenshot(page, 'alliance');

      await navigate(page, 'Ziele');
      await loaded(page);
      // A coordinator adds a goal with an indicator and records a measurement.
      await page.getByRole('button', { name: 'Neues Ziel' }).click();
      await page
        .locator('#new-goal')
        .getByLabel('Titel', { exact: true })
        .fill('Kursplätze für Geflüchtete aus der Ukraine sichern');
      await page.getByRole('button', { name: 'Ziel anlegen' }).click();
      const goal = page
        .locator('li.goal')
        .filter({ has: page.getByRole('heading', { name: /Kursplätze für Geflüchtete/ }) });
      await goal.waitFor();
      await goal.getByText('Kennzahl hinzufügen').click();
      await goal.getByLabel('Name der Kennzahl').fill('Vermittelte Kursplätze');
      await goal.getByLabel('Einheit').fill('Plätze');
      await goal.getByLabel('Zielwert').fill('50');
      await goal.getByRole('button', { name: 'Kennzahl speichern' }).click();
      const indicator = goal.locator('details.indicator').filter({ hasText: 'Vermittelte Kursplätze' });
      await indicator.locator('summary').click();
      await indicator.getByLabel('Neuer Messwert').fill('12');
      await indicator.getByRole('button', { name: 'Erfassen' }).click();
      await indicator
        .locator('summary')
        .filter({ hasText: 'Vermittelte Kursplätze: 12 / 50 Plätze' })
        .waitFor();
      await indicator.getByRole('cell', { name: '12 Plätze' }).waitFor();
      const firstIndicator = page.locator('details.indicator summary').first();
      if (await firstIndicator.count()) await firstIndicator.click();
      await expectAccessible(page, 'goals');
      await screenshot(page, 'goals');

      // English is one click away and stays after a reload (the session too).
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
      await page.reload();
      await page.getByRole('link', { name: 'Tasks', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
      await page.getByRole('button', { name: 'New task' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectAccessible(page, 'task board (English)');
      await page.getByRole('button', { name: 'Deutsch' }).click();

      // Sign-out ends the session: a reload shows the sign-in form.
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    }, 300_000);

    it('a task created in one browser appears in a second signed-in browser without a reload', async () => {
      const coordinator = await web.tab();
      const member = await web.tab();
      const boards = taskEventsTrigger(await demoAllianceId());
      await waitForSubscriptions(web.t, boards, (r) => r.length === 0, 'earlier tests’ boards closed');
      await signIn(coordinator.page, 'koordination@demo.local', DEMO_PASSWORD);
      await signIn(member.page, 'mitglied@demo.local', DEMO_PASSWORD);
      await navigate(coordinator.page, 'Aufgaben');
      await navigate(member.page, 'Aufgaben');
      await member.page.getByTestId('task-board').waitFor();
      await loaded(member.page);
      // Both boards' live subscriptions have reached the server: what is created now is heard.
      await waitForSubscriptions(web.t, boards, (r) => r.length === 2, 'both task boards listening');
      // A marker that a reload would wipe.
      await member.page.evaluate(() => ((globalThis as any).__noReload = true));

      const title = 'Sprachkursplätze für Berufssprachkurse abstimmen';
      await coordinator.page.getByRole('button', { name: 'Neue Aufgabe' }).click();
      await coordinator.page.getByLabel('Titel', { exact: true }).fill(title);
      await coordinator.page.getByLabel('Fällig am').fill('2026-12-15');
      await coordinator.page.getByLabel('Priorität').selectOption('HIGH');
      await coordinator.page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
      await coordinator.page.getByRole('status').filter({ hasText: 'angelegt' }).waitFor();
      await coordinator.page.getByTestId('task-board').getByRole('link', { name: title }).waitFor();

      await member.page.getByTestId('task-board').getByRole('link', { name: title }).waitFor();
      expect(await member.page.evaluate(() => (globalThis as any).__noReload)).toBe(true);
      await expect(member.page.getByTestId('live-region').textContent()).resolves.toContain(title);

      await expectAccessible(coordinator.page, 'task board');
      await screenshot(coordinator.page, 'task-board');

      // The task's details: a comment, then a dependency, visible to the other browser live too.
      await coordinator.page.getByTestId('task-board').getByRole('link', { name: title }).click();
      await coordinator.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await coordinator.page.getByLabel('Neuer Kommentar').fill('Bitte mit dem Jobcenter abstimmen.');
      await coordinator.page.getByRole('button', { name: 'Kommentar speichern' }).click();
      await coordinator.page.getByText('Bitte mit dem Jobcenter abstimmen.', { exact: true }).waitFor();
      await coordinator.page.getByLabel('Zuständig').selectOption({ label: 'Koordinierungsstelle (Demo)' });
      await coordinator.page.getByRole('button', { name: 'Änderungen speichern' }).click();
      await coordinator.page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
      await coordinator.page.locator('dl.facts').getByText('Koordinierungsstelle (Demo)').waitFor();
      const blocker = coordinator.page.getByLabel('Wartet zusätzlich auf');
      const options = await blocker.locator('option').allTextContents();
      if (options.length > 1) {
        await blocker.selectOption({ index: 1 });
        await coordinator.page.getByRole('button', { name: 'Hinzufügen' }).click();
        await coordinator.page
          .getByRole('button', { name: /^Entfernen/ })
          .first()
          .waitFor();
      }
      await expectAccessible(coordinator.page, 'task details');
      await screenshot(coordinator.page, 'task-details');

      const { data } = await web.t.gql(
        'query($a: ID!, $s: String) { tasks(allianceId: $a, filter: { search: $s }) { edges { node { title priority dueOn assignee { displayName } comments { body } } } } }',
        { a: await demoAllianceId(), s: title },
        await web.t.login('koordination@demo.local', DEMO_PASSWORD),
      );
      expect(data.tasks.edges.map((e: any) => e.node)).toEqual([
        {
          title,
          priority: 'HIGH',
          dueOn: '2026-12-15',
          assignee: { displayName: 'Koordinierungsstelle (Demo)' },
          comments: [{ body: 'Bitte mit dem Jobcenter abstimmen.' }],
        },
      ]);
      expect(coordinator.problems).toEqual([]);
      expect(member.problems).toEqual([]);
      await coordinator.context.close();
      await member.context.close();
    }, 300_000);
  },
);

describeBrowser('web session renewal: live updates go on with the renewed token', () => {
  // Short-lived access tokens: the web app refreshes its session 60 s before expiry, here after ~6 s
  // (and every ~6 s after that; the other journeys run with the default length, so that no renewal
  // reconnects their live subscriptions in the middle).
  const web = browserSuite({ ACCESS_TOKEN_TTL_SECONDS: '66' });
  const demoAllianceId = () => allianceOf(web.t);

  it('refreshes the session before the access token expires, and live updates go on with the new token', async () => {
    const member = await web.tab();
    const boards = taskEventsTrigger(await demoAllianceId());
    await waitForSubscriptions(web.t, boards, (r) => r.length === 0, 'earlier tests’ boards closed');
    await signIn(member.page, 'mitglied@demo.local', DEMO_PASSWORD);
    await navigate(member.page, 'Aufgaben');
    await member.page.getByTestId('task-board').waitFor();
    const [before] = await waitForSubscriptions(web.t, boards, (r) => r.length === 1, 'the board listening');
    const refreshed = await member.page.waitForResponse(
      (res) => res.url().endsWith('/graphql') && (res.request().postData() ?? '').includes('refreshSession'),
    );
    expect((await refreshed.json()).data.refreshSession.accessToken).toEqual(expect.any(String));
    await member.page.evaluate(() => ((globalThis as any).__noReload = true));

    // A task created elsewhere still arrives over the (re-authenticated) subscription.
    const title = 'Rückmeldung der Träger zu Kursplätzen einholen';
    const token = await web.t.login('koordination@demo.local', DEMO_PASSWORD);
    const allianceId = await demoAllianceId();
    const partnerId = (
      await web.t.gql(
        'query($a: ID!) { alliance(id: $a) { partners(status: ACTIVE) { id } } }',
        { a: allianceId },
        token,
      )
    ).data.alliance.partners[0].id;
    // The renewed token reconnects the socket: the board listens again on a new subscription.
    await waitForSubscriptions(
      web.t,
      boards,
      (r) => r.length === 1 && r[0] !== before,
      'the board listening with the new token',
    );
    const created = await web.t.gql(
      'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
      { i: { allianceId, title, leadPartnerId: partnerId } },
      token,
    );
    expect(created.errors).toBeUndefined();
    await member.page.getByTestId('task-board').getByRole('link', { name: title }).waitFor();
    expect(await member.page.evaluate(() => (globalThis as any).__noReload)).toBe(true);

    // Still signed in after a reload: the stored refresh token restores the session.
    await member.page.reload();
    await member.page.getByRole('button', { name: 'Abmelden' }).waitFor();
    expect(member.problems).toEqual([]);
    await member.context.close();
  });
});

/** The demo data's alliance. */
async function allianceOf(t: TestApp): Promise<string> {
  return (await t.db.query('SELECT id FROM alliances LIMIT 1')).rows[0].id;
}
