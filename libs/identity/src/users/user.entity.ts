import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('text')
  email: string;
  @Column('text', { name: 'display_name' })
  displayName: string;
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;
  @Column('boolean', { name: 'platform_admin', default: false })
  platformAdmin: boolean;
  @Column('text', { name: 'password_hash', select: false, nullable: true })
  passwordHash: string | null;
  @Column('text', { default: 'de' })
  language: 'de' | 'en';
  @Column('text', { nullable: true })
  phone: string | null;
  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt: Date | null;
  @Column('timestamptz', { name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
