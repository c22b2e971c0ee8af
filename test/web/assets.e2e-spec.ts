import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { webDistDir } from '../../apps/api/src/bootstrap.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { browserTestsUnavailable } from './browser.js';

const unavailable = browserTestsUnavailable();

(unavailable ? describe.skip : describe)('web assets: precompressed, immutable', () => {
  let t: TestApp;
  let script: string;
  beforeAll(async () => {
    t = await startTestApp();
    script = readdirSync(join(webDistDir()!, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
  });
  afterAll(() => t.close());

  it('sends brotli or gzip as the client accepts, the same bytes once decoded, cached for a year', async () => {
    const original = readFileSync(join(webDistDir()!, 'assets', script));
    // Raw bytes over node:http: supertest and fetch would decode the body themselves.
    if (!t.http.listening) await new Promise<void>((r) => t.http.listen(0, '127.0.0.1', r));
    const { port } = t.http.address();
    const get = (encoding: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(
          { host: '127.0.0.1', port, path: `/assets/${script}`, headers: { 'accept-encoding': encoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        ).on('error', reject);
      });

    const br = await get('gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await get('gzip;q=1.0, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await get('identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.headers['cache-control']).toMatch(/immutable/);
  });
});
