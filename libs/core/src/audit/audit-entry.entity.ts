import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('audit_entries')
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sequence: number;
  @Column('timestamptz')
  at: Date;
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;
  @Column('text')
  action: string;
  @Column('text', { name: 'entity_type' })
  entityType: string;
  @Column('uuid', { name: 'entity_id' })
  entityId: string;
  @Column('uuid', { name: 'alliance_id', nullable: true })
  allianceId: string | null;
  @Column('text', { name: 'changed_fields', array: true })
  changedFields: string[];
  @Column('text')
  hash: string;
  @Column('text', { name: 'previous_hash', nullable: true })
  previousHash: string | null;
}
