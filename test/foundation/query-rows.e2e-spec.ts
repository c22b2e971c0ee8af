import { DataSource } from 'typeorm';
import { queryRows } from '../../libs/core/src/index.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * `queryRows` answers the rows of every kind of statement on the real driver: TypeORM answers
 * UPDATE and DELETE with `[rows, rowCount]`, everything else with the rows (the lint rule of
 * eslint.config.js sends every UPDATE/DELETE … RETURNING through `queryRows`).
 */
describe('queryRows', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('reads the rows of INSERT, UPDATE, DELETE and WITH … UPDATE … RETURNING, and of SELECT', async () => {
    await ds.transaction(async (em) => {
      await em.query('CREATE TEMPORARY TABLE qr_rows (id int PRIMARY KEY, v text) ON COMMIT DROP');
      // The raw shape the helper exists for.
      expect(await em.query(`UPDATE qr_rows SET v = 'x' RETURNING id`)).toEqual([[], 0]);
      expect(await queryRows(em, `INSERT INTO qr_rows VALUES (1, 'a'), (2, 'b') RETURNING id`)).toEqual([
        { id: 1 },
        { id: 2 },
      ]);
      expect(await queryRows(em, `UPDATE qr_rows SET v = 'c' WHERE id = $1 RETURNING id, v`, [1])).toEqual([
        { id: 1, v: 'c' },
      ]);
      expect(await queryRows(em, `UPDATE qr_rows SET v = 'd' WHERE id = 99 RETURNING id`)).toEqual([]);
      expect(
        await queryRows(
          em,
          `WITH two AS (SELECT id FROM qr_rows WHERE id = 2 FOR UPDATE)
           UPDATE qr_rows r SET v = 'e' FROM two WHERE r.id = two.id RETURNING r.id, r.v`,
        ),
      ).toEqual([{ id: 2, v: 'e' }]);
      expect(await queryRows(em, 'DELETE FROM qr_rows WHERE id = 1 RETURNING id')).toEqual([{ id: 1 }]);
      expect(
        await queryRows(
          em,
          'WITH gone AS (DELETE FROM qr_rows RETURNING 1) SELECT count(*)::int AS n FROM gone',
        ),
      ).toEqual([{ n: 1 }]);
      expect(await queryRows(em, 'SELECT id FROM qr_rows')).toEqual([]);
    });
  });
});
