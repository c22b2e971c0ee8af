import { startTestApp, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { casework, expectData, fullCaseInput, openCase, withCaseworkApp } from './helpers.js';
import { columnsContaining } from './scan.js';

describe('casework: personal data only in case data, encrypted; erasure; retention; Art. 15', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  describe('retention', () => {
    it('erases closed cases after CASE_RETENTION_DAYS, once across two instances (advisory lock)', async () => {
      const first = await startTestApp({ CASE_RETENTION_DAYS: '1', CASE_RETENTION_SWEEP_SECONDS: '1' });
      const second = await startTestApp({
        DATABASE_URL: first.databaseUrl,
        CASE_RETENTION_DAYS: '1',
        CASE_RETENTION_SWEEP_SECONDS: '1',
      });
      const sweeps = await Promise.all([watchSweeps(first), watchSweeps(second)]);
      try {
        const b = await casework(first);
        const due = await openCase(
          first,
          b.users.kim.token,
          fullCaseInput({ givenName: 'Barnaby', familyName: 'Fenwickshire' }),
        );
        const recent = await openCase(
          first,
          b.users.kim.token,
          fullCaseInput({ givenName: 'C', familyName: 'D' }),
        );
        const open = await openCase(
          first,
          b.users.kim.token,
          fullCaseInput({ givenName: 'E', familyName: 'F' }),
        );
        for (const id of [due.id, recent.id])
          await expectData(
            first,
            `mutation($id: ID!) { closeCase(id: $id) { id } }`,
            { id },
            b.users.kim.token,
          );
        await first.db.query(
          `UPDATE cases SET closed_at = now() - interval '2 days', opened_at = now() - interval '30 days' WHERE id = $1`,
          [due.id],
        );
        await first.db.query(`UPDATE cases SET opened_at = now() - interval '30 days' WHERE id = $1`, [
          open.id,
        ]);

        // Both instances run their scheduled sweeps (every second); the case is erased exactly once.
        const erased = () => sweeps.some((w) => w.finished.some((n) => n !== null && n > 0));
        await Promise.race(sweeps.map((w) => w.until(erased)));
        expect(
          (await first.db.query(`SELECT status FROM cases WHERE id = $1`, [due.id])).rows[0].status,
        ).toBe('ERASED');
        // More sweeps on both instances, at least one of which got the lock: nothing more to do.
        const seen = sweeps.map((w) => w.finished.length);
        await Promise.all(
          sweeps.map((w, i) =>
            w.until(
              () =>
                w.finished.length > seen[i] &&
                sweeps.some((v, j) => v.finished.slice(seen[j]).some((n) => n !== null)),
            ),
          ),
        );
        expect(
          sweeps.flatMap((w, i) => w.finished.slice(seen[i])).filter((n) => n !== null && n > 0),
        ).toEqual([]);
        const statuses = (
          await first.db.query(`SELECT id, status FROM cases WHERE id = ANY($1)`, [
            [due.id, recent.id, open.id],
          ])
        ).rows;
        expect(Object.fromEntries(statuses.map((r: any) => [r.id, r.status]))).toEqual({
          [due.id]: 'ERASED',
          [recent.id]: 'CLOSED',
          [open.id]: 'OPEN',
        });
        const erasures = await first.db.query(
          `SELECT actor_id, action FROM audit_entries WHERE entity_id = $1 AND action LIKE 'erase%'`,
          [due.id],
        );
        expect(erasures.rows).toEqual([{ actor_id: null, action: 'eraseCaseAfterRetention' }]);
        expect(await columnsContaining(first.db, 'Fenwickshire')).toEqual([]);
        expect(
          (await first.db.query(`SELECT count(*)::int AS n FROM case_data WHERE case_id = $1`, [due.id]))
            .rows[0].n,
        ).toBe(0);
      } finally {
        await second.close();
        await first.close();
      }
    });

    it('while one instance holds the sweep lock, the other skips', async () => {
      const { RetentionService, RETENTION_LOCK } = await import('../../libs/casework/src/index.js');
      const other = await startTestApp({ DATABASE_URL: t.databaseUrl, CASE_RETENTION_DAYS: '1' });
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'G', familyName: 'H' }));
      await expectData(
        t,
        `mutation($id: ID!) { closeCase(id: $id) { id } }`,
        { id: c.id },
        a.users.kim.token,
      );
      await t.db.query(`UPDATE cases SET closed_at = now() - interval '3 days' WHERE id = $1`, [c.id]);
      const holder = await t.db.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
        expect(await other.app.get(RetentionService).sweep()).toBeNull();
        expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [c.id])).rows[0].status).toBe(
          'CLOSED',
        );
        await holder.query('COMMIT');
        const results = await Promise.all([
          other.app.get(RetentionService).sweep(),
          other.app.get(RetentionService).sweep(),
        ]);
        expect(results.filter((n) => n !== null).reduce((s, n) => s! + n!, 0)).toBe(1);
        expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [c.id])).rows[0].status).toBe(
          'ERASED',
        );
      } finally {
        holder.release();
        await other.close();
      }
    });
  });
});

/**
 * Observes an instance's scheduled retention sweeps (the service's own timer calls `sweep`): each
 * finished sweep's result (cases erased, null when another instance held the lock), and a wait for
 * a condition on them that wakes on every finished sweep instead of sleeping.
 */
async function watchSweeps(app: TestApp) {
  const { RetentionService } = await import('../../libs/casework/src/index.js');
  const service = app.app.get(RetentionService);
  const sweep = service.sweep.bind(service);
  const finished: (number | null)[] = [];
  let waiters: (() => void)[] = [];
  service.sweep = async () => {
    try {
      const erased = await sweep();
      finished.push(erased);
      return erased;
    } finally {
      const woken = waiters;
      waiters = [];
      woken.forEach((w) => w());
    }
  };
  return {
    finished,
    until: (done: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (done() ? resolve() : void waiters.push(check));
        check();
      }),
  };
}
