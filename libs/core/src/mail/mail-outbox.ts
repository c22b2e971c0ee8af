import type { EntityManager } from 'typeorm';

/**
 * The port through which contexts send mail: `enqueue` writes the mail into the outbox inside the
 * caller's transaction, so the mail exists exactly when the change that caused it commits.
 * `libs/notifications` provides it; contexts depend on this port, not on notifications.
 */
export const MAIL_OUTBOX = Symbol('MAIL_OUTBOX');

export type MailLanguage = 'de' | 'en';

export interface OutgoingMail {
  to: string;
  language: MailLanguage;
  /** A template key of libs/notifications, e.g. `invitation`. */
  template: string;
  /** Template parameters; never a client's personal data. */
  params: Record<string, string>;
}

export interface MailOutbox {
  /** Writes the mail into the outbox in `em`'s transaction; returns the outbox id. */
  enqueue(em: EntityManager, mail: OutgoingMail): Promise<string>;
}
