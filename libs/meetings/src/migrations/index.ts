import type { MigrationClass } from '../../../core/src/index.js';
import { Meetings1764057800000 } from './1764057800000-meetings.js';
import { MeetingPublications1795959301290 } from './1795959301290-meeting-publications.js';
import { MeetingNotices1795973947472 } from './1795973947472-meeting-notices.js';
import { MeetingsPublicRecordViews1795980000001 } from './1795980000001-meetings-public-record-views.js';
import { MinutesApprovalAgenda1796000417311 } from './1796000417311-minutes-approval-agenda.js';

/** This context's migrations, in order. */
export const MEETINGS_MIGRATIONS: MigrationClass[] = [
  Meetings1764057800000,
  MeetingPublications1795959301290,
  MeetingNotices1795973947472,
  MeetingsPublicRecordViews1795980000001,
  MinutesApprovalAgenda1796000417311,
];
