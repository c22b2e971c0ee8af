import { DataSource, QueryFailedError } from 'typeorm';
import { preparedName, preparedQuery, QueryCounter } from '../../libs/core/src/index.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * `preparedQuery` runs a hot read as a named prepared statement on the real driver: PostgreSQL
 * keeps it per connection (pg_prepared_statements), the answer equals the unnamed statement's, the
 * statement is counted like any other, and a failure is TypeORM's `QueryFailedError` with the
 * driver's SQLSTATE (so the fault mapping does not change).
 */
describe('preparedQuery', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const text = 'SELECT $1::int + 1 AS n, current_setting($2) AS jit /* prepared-query spec */';

  it('answers as the unnamed statement does and is prepared on the connection under its name', async () => {
    const unnamed = await ds.query(text, [41, 'jit']);
    const tally = { count: 0, statements: [] as string[] };
    const named = await QueryCounter.tally.run(tally, () => preparedQuery(ds, text, [41, 'jit']));
    expect(named).toEqual(unnamed);
    expect(named).toEqual([{ n: 42, jit: 'off' }]);
    expect(tally).toEqual({ count: 1, statements: [text] });

    // A connection that ran it holds it under the name derived from the text.
    const name = preparedName(text);
    expect(name).toMatch(/^p_[0-9a-f]{24}$/);
    const runner = ds.createQueryRunner();
    try {
      const client: any = await runner.connect();
      await client.query({ name, text, values: [1, 'jit'] });
      const held = await client.query('SELECT name, statement FROM pg_prepared_statements WHERE name = $1', [
        name,
      ]);
      expect(held.rows).toEqual([{ name, statement: text }]);
    } finally {
      await runner.release();
    }
  });

  it('reports a failing statement as QueryFailedError with the SQLSTATE, and the pool stays usable', async () => {
    const failing = 'SELECT 1 / $1::int AS n /* prepared-query spec */';
    const error = await preparedQuery(ds, failing, [0]).catch((e) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
    expect(await preparedQuery(ds, failing, [2])).toEqual([{ n: 0 }]);
  });
});
