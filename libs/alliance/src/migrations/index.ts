import type { MigrationClass } from '../../../core/src/index.js';
import { AlliancePublicRecord1795959301289 } from './1795959301289-alliance-public-record.js';
import { AlliancePublicRecordViews1795980000000 } from './1795980000000-alliance-public-record-views.js';

/** This context's migrations, in order (its first tables are in the foundation migration of core). */
export const ALLIANCE_MIGRATIONS: MigrationClass[] = [
  AlliancePublicRecord1795959301289,
  AlliancePublicRecordViews1795980000000,
];
