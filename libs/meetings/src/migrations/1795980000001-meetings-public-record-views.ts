import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meetings context's published read views of its public record, for the OParl view: meetings
 * published by the alliance's public record and by their own publication (OParl meetings), their
 * decisions once the minutes are approved (OParl papers), agenda items with the removed ones, the
 * invited partners and the partners present. An object no longer public is `deleted`, with the time
 * that happened as `modified`. Alliance data comes through alliance's `alliance_public_record_state`.
 * Their columns are a contract; the tables behind them stay this context's own. No persons.
 */
export class MeetingsPublicRecordViews1795980000001 implements MigrationInterface {
  name = 'MeetingsPublicRecordViews1795980000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW meetings_public_meetings AS
        SELECT m.id, m.alliance_id AS body_id, m.title, m.kind, m.status, m.starts_at, m.ends_at, m.location,
               m.minutes_text, m.minutes_approved_at, a.name AS alliance_name,
               NOT (a.public_record AND pub.public) AS deleted, m.created_at AS created, m.created_at::text AS created_key,
               CASE WHEN a.public_record AND pub.public THEN GREATEST(m.updated_at, pub.changed_at, a.public_record_changed_at,
                      (SELECT max(c.changed_at) FROM agenda_item_changes c WHERE c.meeting_id = m.id),
                      (SELECT max(GREATEST(d.recorded_at, d.corrected_at)) FROM decisions d WHERE d.meeting_id = m.id))
                    ELSE GREATEST(pub.changed_at, a.public_record_changed_at) END AS modified
          FROM meetings m
          JOIN meeting_publications pub ON pub.meeting_id = m.id
          JOIN alliance_public_record_state a ON a.id = m.alliance_id
         WHERE a.public_record_changed_at IS NOT NULL;
      CREATE VIEW meetings_public_papers AS
        SELECT d.id, d.alliance_id AS body_id, d.meeting_id, d.agenda_item_id, d.number, d.title, d.text, d.outcome,
               d.amends_id, d.recorded_at,
               NOT (a.public_record AND pub.public) AS deleted, d.recorded_at AS created, d.recorded_at::text AS created_key,
               CASE WHEN a.public_record AND pub.public THEN GREATEST(d.recorded_at, d.corrected_at, m.minutes_approved_at,
                      pub.changed_at, a.public_record_changed_at,
                      (SELECT max(GREATEST(d2.recorded_at, m2.minutes_approved_at, p2.changed_at))
                         FROM decisions d2 JOIN meetings m2 ON m2.id = d2.meeting_id
                         JOIN meeting_publications p2 ON p2.meeting_id = d2.meeting_id
                        WHERE d2.amends_id = d.id))
                    ELSE GREATEST(pub.changed_at, a.public_record_changed_at) END AS modified
          FROM decisions d
          JOIN meetings m ON m.id = d.meeting_id AND m.status = 'MINUTES_APPROVED'
          JOIN meeting_publications pub ON pub.meeting_id = d.meeting_id
          JOIN alliance_public_record_state a ON a.id = d.alliance_id
         WHERE a.public_record_changed_at IS NOT NULL;
      CREATE VIEW meetings_public_agenda_items AS
        SELECT ai.id, ai.meeting_id, ai.position, ai.title, ai.created_at, NULL::timestamptz AS deleted_at
          FROM agenda_items ai
        UNION ALL
        SELECT c.agenda_item_id, c.meeting_id, NULL, NULL, c.created_at, c.deleted_at
          FROM agenda_item_changes c WHERE c.deleted_at IS NOT NULL;
      CREATE VIEW meetings_public_invited_partners AS
        SELECT meeting_id, partner_id, position FROM meeting_invited_partners;
      CREATE VIEW meetings_public_partners_present AS
        SELECT meeting_id, partner_id FROM attendances WHERE status = 'PRESENT';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP VIEW meetings_public_partners_present; DROP VIEW meetings_public_invited_partners;
       DROP VIEW meetings_public_agenda_items; DROP VIEW meetings_public_papers; DROP VIEW meetings_public_meetings`,
    );
  }
}
