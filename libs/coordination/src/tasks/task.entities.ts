import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TaskPriority, TaskStatus } from '../coordination.enums.js';

/** A task of one alliance. `priority_rank` and `search_vector` are generated columns, not mapped. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'goal_id', nullable: true })
  goalId: string | null;
  /** The meeting decision this task follows up (no foreign key here; the meetings context owns it). */
  @Column('uuid', { name: 'decision_id', nullable: true })
  decisionId: string | null;
  @Column('text')
  title: string;
  @Column('text', { nullable: true })
  description: string | null;
  @Column('text', { default: TaskStatus.OPEN })
  status: TaskStatus;
  @Column('text', { default: TaskPriority.NORMAL })
  priority: TaskPriority;
  @Column('uuid', { name: 'lead_partner_id' })
  leadPartnerId: string;
  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;
  @Column('date', { name: 'due_on', nullable: true })
  dueOn: string | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
  @Column('integer', { default: 1 })
  version: number;
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('task_comments')
export class TaskCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'task_id' })
  taskId: string;
  @Column('uuid', { name: 'author_id' })
  authorId: string;
  @Column('text')
  body: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
