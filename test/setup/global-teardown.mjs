import pg from 'pg';

export default async function globalTeardown() {
  const serverUrl = process.env.BP_TEST_SERVER_URL;
  const run = process.env.BP_TEST_RUN;
  if (serverUrl && run && process.env.DATABASE_URL) {
    // On a shared server, leave nothing behind.
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const dbs = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`bp\\_%${run}%`]);
    for (const { datname } of dbs.rows)
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__embeddedPostgres?.stop();
}
