import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily deadline reminders look up open tasks by due day across alliances. */
export class TaskDueDayIndex1795973000479 implements MigrationInterface {
  name = 'TaskDueDayIndex1795973000479';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tasks_open_due_day_idx ON tasks (due_on) WHERE status NOT IN ('DONE', 'CANCELLED') AND due_on IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX tasks_open_due_day_idx');
  }
}
