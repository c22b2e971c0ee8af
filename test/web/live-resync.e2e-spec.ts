import { Socket } from 'node:net';
import { browserSuite, DEMO_PASSWORD, describeBrowser, loaded, navigate, signIn } from './browser.js';
import { CuttableProxy } from '../utils/redis-proxy.js';
import { taskEventsTrigger, waitForSubscriptions } from '../utils/subscriptions.js';

/**
 * The task board while Redis is out of reach for its instance (a loopback proxy to the real Redis is
 * cut): the board says live updates were interrupted; once Redis is back it subscribes again and
 * reloads, so a task created meanwhile (its event lost) appears without a page reload.
 */
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const target = new URL(redisUrl);
const reachable = await new Promise<boolean>((resolve) => {
  const socket = new Socket();
  socket.setTimeout(1000);
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => (socket.destroy(), resolve(false)));
  socket.connect(Number(target.port || 6379), target.hostname);
});
if (!reachable && process.env.REQUIRE_REDIS === '1')
  throw new Error(`REQUIRE_REDIS=1, but Redis at ${redisUrl} is not reachable`);
if (!reachable) console.warn(`Skipping the live resync browser test: Redis at ${redisUrl} is not reachable`);
const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 6379) });
if (reachable) await proxy.start();
const proxied = new URL(redisUrl);
proxied.hostname = '127.0.0.1';
proxied.port = String(proxy.port);

(reachable ? describeBrowser : describe.skip)('web: live updates after a Redis outage', () => {
  const web = browserSuite({ REDIS_URL: proxied.toString() });
  afterAll(() => proxy.close());

  it('tells the user, subscribes again and reloads the board once Redis is back', async () => {
    const { page, problems } = await web.tab();
    const alliance = (await web.t.db.query('SELECT id FROM alliances LIMIT 1')).rows[0].id;
    const trigger = taskEventsTrigger(alliance);
    await signIn(page, 'koordination@demo.local', DEMO_PASSWORD);
    await navigate(page, 'Aufgaben');
    await page.getByTestId('task-board').waitFor();
    await loaded(page);
    await waitForSubscriptions(web.t, trigger, (r) => r.length === 1, 'the board listening');
    await page.evaluate(() => ((globalThis as any).__noReload = true));

    await proxy.cut();
    const notice = page.locator('[data-notice="live"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Live-Aktualisierung war unterbrochen');

    // Created while the board's instance cannot hear it: the event is lost.
    const token = await web.t.login('koordination@demo.local', DEMO_PASSWORD);
    const partner = (
      await web.t.db.query(`SELECT id FROM partners WHERE alliance_id = $1 AND status = 'ACTIVE' LIMIT 1`, [
        alliance,
      ])
    ).rows[0].id;
    const title = `Während der Störung angelegt ${Date.now()}`;
    const created = await web.t.gql(
      'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
      { i: { allianceId: alliance, title, leadPartnerId: partner } },
      token,
    );
    expect(created.errors).toBeUndefined();

    await proxy.start();
    // The board subscribes again, then reloads: the task is there, without a page reload.
    await page.getByTestId('task-board').getByRole('link', { name: title }).waitFor({ timeout: 60_000 });
    await notice.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (globalThis as any).__noReload)).toBe(true);
    await waitForSubscriptions(web.t, trigger, (r) => r.length === 1, 'the board listening again');
    expect(problems).toEqual([]);
  }, 180_000);
});
