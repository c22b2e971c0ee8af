import { FOUNDATION_MIGRATIONS } from '../../../libs/core/src/index.js';
import type { MigrationClass } from '../../../libs/core/src/index.js';
import { ALLIANCE_MIGRATIONS } from '../../../libs/alliance/src/index.js';
import { CASEWORK_MIGRATIONS } from '../../../libs/casework/src/index.js';
import { COORDINATION_MIGRATIONS } from '../../../libs/coordination/src/index.js';
import { MEETINGS_MIGRATIONS } from '../../../libs/meetings/src/index.js';
import { IDENTITY_MIGRATIONS } from '../../../libs/identity/src/migrations/index.js';
import { NOTIFICATIONS_MIGRATIONS } from '../../../libs/notifications/src/migrations/index.js';

/** Every committed migration, ordered by the timestamp in its name. */
export const MIGRATIONS: MigrationClass[] = [
  ...FOUNDATION_MIGRATIONS,
  ...ALLIANCE_MIGRATIONS,
  ...COORDINATION_MIGRATIONS,
  ...MEETINGS_MIGRATIONS,
  ...CASEWORK_MIGRATIONS,
  ...IDENTITY_MIGRATIONS,
  ...NOTIFICATIONS_MIGRATIONS,
].sort((a, b) => Number(/\d{13}$/.exec(a.name)?.[0]) - Number(/\d{13}$/.exec(b.name)?.[0]));
