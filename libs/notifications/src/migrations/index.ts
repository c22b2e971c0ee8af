import type { MigrationClass } from '../../../core/src/index.js';
import { MailOutbox1795959363681 } from './1795959363681-mail-outbox.js';
import { Notifications1795971845725 } from './1795971845725-notifications.js';

/** This context's migrations, in order. */
export const NOTIFICATIONS_MIGRATIONS: MigrationClass[] = [
  MailOutbox1795959363681,
  Notifications1795971845725,
];
