import type { NotificationKind, NotificationObjectType } from '../../../core/src/index.js';

export type Delivery = 'IMMEDIATE' | 'DIGEST' | 'OFF';

/**
 * The mail delivery of each kind until the user chooses otherwise: what asks someone to act
 * (a handover to answer, an invitation, an assignment, a deadline) comes at once; what keeps them
 * informed (comments, agenda changes, approved minutes) in the daily digest.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  TASK_ASSIGNED: 'IMMEDIATE',
  TASK_PARTNER_ADDED: 'DIGEST',
  TASK_COMMENTED: 'DIGEST',
  TASK_UNBLOCKED: 'DIGEST',
  TASK_DUE_SOON: 'IMMEDIATE',
  TASK_OVERDUE: 'IMMEDIATE',
  MEETING_INVITATION: 'IMMEDIATE',
  MEETING_CHANGED: 'IMMEDIATE',
  MEETING_CANCELLED: 'IMMEDIATE',
  AGENDA_CHANGED: 'DIGEST',
  MINUTES_READY: 'IMMEDIATE',
  MINUTES_APPROVED: 'DIGEST',
  HANDOVER_REQUESTED: 'IMMEDIATE',
  HANDOVER_ACCEPTED: 'IMMEDIATE',
  HANDOVER_DECLINED: 'IMMEDIATE',
  HANDOVER_COMPLETED: 'DIGEST',
  CASE_ACCESS_ENDED: 'IMMEDIATE',
};

/** The web app's page of an object (relative to PUBLIC_URL). */
export function objectPath(objectType: NotificationObjectType | string, objectId: string): string {
  switch (objectType) {
    case 'Task':
      return `/aufgaben/${objectId}`;
    case 'Meeting':
      return `/sitzungen/${objectId}`;
    case 'Case':
      return `/faelle/${objectId}`;
    case 'Handover':
      return `/faelle?uebergabe=${objectId}`;
    default:
      return '/benachrichtigungen';
  }
}
