import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GoalStatus } from '../coordination.enums.js';

const float = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@Entity('goals')
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;
  @Column('text')
  title: string;
  @Column('text', { nullable: true })
  description: string | null;
  @Column('text', { default: GoalStatus.DRAFT })
  status: GoalStatus;
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;
  @Column('date', { name: 'due_on', nullable: true })
  dueOn: string | null;
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('indicators')
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'goal_id' })
  goalId: string;
  @Column('text')
  name: string;
  @Column('text')
  unit: string;
  @Column('double precision', { transformer: float })
  baseline: number;
  @Column('double precision', { transformer: float })
  target: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('measurements')
export class MeasurementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'indicator_id' })
  indicatorId: string;
  @Column('double precision', { transformer: float })
  value: number;
  @Column('date', { name: 'observed_on' })
  observedOn: string;
  @Column('text', { nullable: true })
  note: string | null;
  @Column('uuid', { name: 'recorded_by' })
  recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'clock_timestamp()' })
  recordedAt: Date;
}
