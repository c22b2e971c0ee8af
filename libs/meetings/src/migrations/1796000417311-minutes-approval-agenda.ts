import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who took the minutes (the person who last saved the draft), and the German habit of approving
 * the minutes as an agenda item of the next meeting: the item names the earlier meeting, and the
 * adopted decision under it approves that meeting's minutes (the meeting keeps which decision did).
 */
export class MinutesApprovalAgenda1796000417311 implements MigrationInterface {
  name = 'MinutesApprovalAgenda1796000417311';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meetings
        ADD COLUMN minutes_saved_by uuid REFERENCES users(id),
        ADD COLUMN minutes_approval_decision_id uuid REFERENCES decisions(id);
      CREATE INDEX meetings_minutes_approval_decision_idx ON meetings (minutes_approval_decision_id)
        WHERE minutes_approval_decision_id IS NOT NULL;
      ALTER TABLE agenda_items ADD COLUMN approves_minutes_of uuid REFERENCES meetings(id);
      CREATE INDEX agenda_items_approves_minutes_of_idx ON agenda_items (approves_minutes_of)
        WHERE approves_minutes_of IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agenda_items DROP COLUMN approves_minutes_of;
      ALTER TABLE meetings DROP COLUMN minutes_approval_decision_id, DROP COLUMN minutes_saved_by;
    `);
  }
}
