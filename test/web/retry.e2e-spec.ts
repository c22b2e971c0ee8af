import { browserSuite, DEMO_PASSWORD, describeBrowser, loaded, navigate, signIn } from './browser.js';

/**
 * A submitted form whose answer is lost (the change committed, the browser got a 503) is sent again
 * with the same Idempotency-Key: the user is told it is being sent again, and it is stored once.
 */
describeBrowser('web: a form sent again after UNAVAILABLE is stored once', () => {
  const web = browserSuite();

  it('sends the task form again with the same key, says so, and the task exists once', async () => {
    const { page, problems } = await web.tab();
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Aufgaben');
    await page.getByTestId('task-board').waitFor();
    await loaded(page);

    const keys: (string | undefined)[] = [];
    await page.route('**/graphql', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !(request.postData() ?? '').includes('createTask'))
        return route.continue();
      keys.push(request.headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      // The first attempt reaches the API and commits; its answer is lost on the way back.
      const committed = await route.fetch();
      expect((await committed.json()).data.createTask.id).toBeTruthy();
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '5' },
        body: JSON.stringify({ errors: [{ message: 'unavailable', extensions: { code: 'UNAVAILABLE' } }] }),
      });
    });

    const title = `Dolmetschpool abstimmen ${Date.now()}`;
    await page.getByRole('button', { name: 'Neue Aufgabe' }).click();
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    const notice = page.locator('[data-notice="retrying"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/erneut gesendet \(Versuch 2 von 5\).*nur einmal gespeichert/);
    await page.getByTestId('task-board').getByRole('link', { name: title }).waitFor();
    await notice.waitFor({ state: 'detached' });

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const { rows } = await web.t.db.query('SELECT count(*)::int AS n FROM tasks WHERE title = $1', [title]);
    expect(rows[0].n).toBe(1);
    await expect(page.getByTestId('task-board').getByRole('link', { name: title }).count()).resolves.toBe(1);

    // The next submitted form is a new request with a new key.
    await page.getByLabel('Titel', { exact: true }).fill(`${title} (2)`);
    await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await page
      .getByTestId('task-board')
      .getByRole('link', { name: `${title} (2)` })
      .waitFor();
    expect(keys).toHaveLength(3);
    expect(keys[2]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[0]);
    expect(problems).toEqual([]);
  }, 120_000);
});
