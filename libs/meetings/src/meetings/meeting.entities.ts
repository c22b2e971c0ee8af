import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AttendanceStatus, DecisionOutcome, MeetingKind, MeetingStatus } from './meeting.enums.js';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('text')
  title: string;
  @Column('text')
  kind: MeetingKind;
  @Column('text')
  status: MeetingStatus;
  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;
  @Column('text', { nullable: true })
  location: string | null;
  @Column('uuid', { name: 'facilitator_id' })
  facilitatorId: string;
  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason: string | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;
  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt: Date | null;
  @Column('timestamptz', { name: 'adjourned_at', nullable: true })
  adjournedAt: Date | null;
  @Column('text', { name: 'minutes_text', nullable: true })
  minutesText: string | null;
  @Column('timestamptz', { name: 'minutes_saved_at', nullable: true })
  minutesSavedAt: Date | null;
  @Column('timestamptz', { name: 'minutes_approved_at', nullable: true })
  minutesApprovedAt: Date | null;
  @Column('uuid', { name: 'minutes_approved_by', nullable: true })
  minutesApprovedById: string | null;
  /** The minute-taker: who last saved the draft. */
  @Column('uuid', { name: 'minutes_saved_by', nullable: true })
  minutesSavedById: string | null;
  /** The adopted decision of a later meeting that approved these minutes, when it was one. */
  @Column('uuid', { name: 'minutes_approval_decision_id', nullable: true })
  minutesApprovalDecisionId: string | null;
  /** iCalendar SEQUENCE: increases with every change a subscriber's calendar must pick up. */
  @Column('int', { name: 'calendar_sequence', default: 0 })
  calendarSequence: number;
  @Column('uuid', { name: 'created_by', nullable: true })
  createdById: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('meeting_invited_partners')
export class MeetingInvitedPartnerEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;
  @PrimaryColumn('uuid', { name: 'partner_id' })
  partnerId: string;
  @Column('int')
  position: number;
}

@Entity('agenda_items')
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;
  @Column('int')
  position: number;
  @Column('text')
  title: string;
  @Column('text', { nullable: true })
  description: string | null;
  @Column('uuid', { name: 'presenter_partner_id', nullable: true })
  presenterPartnerId: string | null;
  @Column('int', { name: 'duration_minutes', nullable: true })
  durationMinutes: number | null;
  /** An earlier meeting whose minutes an adopted decision under this item approves. */
  @Column('uuid', { name: 'approves_minutes_of', nullable: true })
  approvesMinutesOfId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('attendances')
export class AttendanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;
  @Column('uuid', { name: 'partner_id' })
  partnerId: string;
  @Column('text')
  status: AttendanceStatus;
  @Column('uuid', { name: 'attendee_ids', array: true, default: () => "'{}'" })
  attendeeIds: string[];
  @Column('uuid', { name: 'recorded_by' })
  recordedById: string;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}

@Entity('decisions')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'alliance_id' })
  allianceId: string;
  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;
  @Column('uuid', { name: 'agenda_item_id', nullable: true })
  agendaItemId: string | null;
  @Column('int')
  year: number;
  @Column('int')
  serial: number;
  @Column('text')
  number: string;
  @Column('text')
  title: string;
  @Column('text')
  text: string;
  @Column('text')
  outcome: DecisionOutcome;
  @Column('int', { name: 'votes_for', nullable: true })
  votesFor: number | null;
  @Column('int', { name: 'votes_against', nullable: true })
  votesAgainst: number | null;
  @Column('int', { nullable: true })
  abstentions: number | null;
  @Column('boolean', { default: false })
  consensus: boolean;
  @Column('uuid', { name: 'amends_id', nullable: true })
  amendsId: string | null;
  @Column('uuid', { name: 'recorded_by' })
  recordedById: string;
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
  @Column('timestamptz', { name: 'corrected_at', nullable: true })
  correctedAt: Date | null;
}

@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column('uuid', { name: 'user_id' })
  userId: string;
  @Column('text', { name: 'token_hash' })
  tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
