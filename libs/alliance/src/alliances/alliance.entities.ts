import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { LegalDomain, OrganisationKind, PartnerStatus } from './alliance.enums.js';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('text')
  name: string;
  @Column('text', { name: 'short_name', nullable: true })
  shortName: string | null;
  @Column('text')
  kind: OrganisationKind;
  @Column('text', { name: 'legal_domains', array: true, default: () => "'{}'" })
  legalDomains: LegalDomain[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('alliances')
export class AllianceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('text')
  name: string;
  @Column('text')
  municipality: string;
  @Column('text', { nullable: true })
  description: string | null;
  @Column('double precision', { name: 'quorum_share', default: 0.5 })
  quorumShare: number;
  @VersionColumn()
  version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('partners')
export class PartnerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;
  @Column('text')
  status: PartnerStatus;
  @Column('date', { name: 'joined_on', nullable: true })
  joinedOn: string | null;
  @Column('date', { name: 'left_on', nullable: true })
  leftOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
