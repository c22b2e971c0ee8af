import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/** Sends `head` and then nothing more; resolves with the first response line and the time it took. */
function stall(port: number, head: string): Promise<{ line: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let got = '';
    socket.on('data', (d) => (got += String(d)));
    socket.on('error', reject);
    socket.on('close', () => resolve({ line: got.split('\r\n')[0], ms: Date.now() - started }));
  });
}

/** Slow headers and slow bodies are cut off (Node's defaults: 60 s and 300 s). */
describe('integrity: header and body timeouts', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('a body that never completes gets 408 after the request timeout', async () => {
    const { line, ms } = await stall(
      port,
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
    );
    expect(line).toBe('HTTP/1.1 408 Request Timeout');
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(5000);
  });

  it('headers that never complete get 408 after the headers timeout', async () => {
    const { line, ms } = await stall(port, 'POST /graphql HTTP/1.1\r\nHost: x\r\n');
    expect(line).toBe('HTTP/1.1 408 Request Timeout');
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(4000);
  });
});
