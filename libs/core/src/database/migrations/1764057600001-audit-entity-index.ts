import type { MigrationInterface, QueryRunner } from 'typeorm';

/** auditLog(entityId) without entityType: the (entity_type, entity_id) index cannot serve it. */
export class AuditEntityIndex1764057600001 implements MigrationInterface {
  name = 'AuditEntityIndex1764057600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX audit_entries_entity_id_idx ON audit_entries (entity_id, sequence)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX audit_entries_entity_id_idx');
  }
}
