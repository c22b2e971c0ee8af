import type { EntityManager } from 'typeorm';

/**
 * The port through which contexts notify people: `notify` writes one in-portal notification per
 * recipient (and, per each recipient's preference, a mail into the outbox) inside the caller's
 * transaction, so the notifications exist exactly when the change that caused them commits.
 * `libs/notifications` provides it; contexts depend on this port, not on notifications.
 */
export const NOTIFIER = Symbol('NOTIFIER');

/** Every kind of notification; a user chooses the delivery of each kind. */
export const NOTIFICATION_KINDS = [
  // tasks (coordination)
  'TASK_ASSIGNED',
  'TASK_PARTNER_ADDED',
  'TASK_COMMENTED',
  'TASK_UNBLOCKED',
  'TASK_DUE_SOON',
  'TASK_OVERDUE',
  // meetings
  'MEETING_INVITATION',
  'MEETING_CHANGED',
  'MEETING_CANCELLED',
  'AGENDA_CHANGED',
  'MINUTES_READY',
  'MINUTES_APPROVED',
  // casework: only the case reference and the organisations, never a client's personal data
  'HANDOVER_REQUESTED',
  'HANDOVER_ACCEPTED',
  'HANDOVER_DECLINED',
  'HANDOVER_COMPLETED',
  'CASE_ACCESS_ENDED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The object a notification links to. */
export type NotificationObjectType = 'Task' | 'Meeting' | 'Handover' | 'Case';

/** An iCalendar part for the mail (nodemailer's `icalEvent`: Outlook and Thunderbird read it). */
export interface NotificationCalendar {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** The whole VCALENDAR text. */
  content: string;
}

export interface NotificationRequest {
  kind: NotificationKind;
  /**
   * The users to tell, computed by the caller with the rules that grant access to the object.
   * Duplicates, the acting user and deactivated users are dropped.
   */
  recipientUserIds: readonly string[];
  /** The tenant (null only for objects outside an alliance). */
  allianceId: string | null;
  objectType: NotificationObjectType;
  objectId: string;
  /**
   * Text parameters of the kind's template (titles, organisation names, dates as ISO strings,
   * a case REFERENCE). Never a client's personal data, never free text a case worker typed about
   * a client. Stored with the notification and rendered in each recipient's language.
   */
  params: Record<string, string>;
  /** Who caused it; never told about their own change. */
  actorId?: string | null;
  /** With this set, a notification with the same kind, recipient and key is written once only. */
  dedupeKey?: string;
  /** Attached to the immediate mails (meeting invitations). */
  calendar?: NotificationCalendar;
}

export interface Notifier {
  /** Writes the notifications (and immediate mails) in `em`'s transaction; returns how many were written. */
  notify(em: EntityManager, request: NotificationRequest): Promise<number>;
}
