import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../../../core/src/index.js';

@Entity('memberships')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'user_id' })
  userId: string;
  @Column('text', { array: true })
  roles: Role[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
