import type { MigrationClass } from '../../../core/src/index.js';
import { Casework1764057900000 } from './1764057900000-casework.js';
import { CaseStatistics1795959287873 } from './1795959287873-case-statistics.js';
import { DisclosurePartitions1795972096639 } from './1795972096639-disclosure-partitions.js';
import { ConsentExpiryIndex1795973191823 } from './1795973191823-consent-expiry-index.js';
import { ConsentEvidence1795984763803 } from './1795984763803-consent-evidence.js';
import { StatutoryHandovers1796030000000 } from './1796030000000-statutory-handovers.js';

/** This context's migrations, in order. */
export const CASEWORK_MIGRATIONS: MigrationClass[] = [
  Casework1764057900000,
  CaseStatistics1795959287873,
  DisclosurePartitions1795972096639,
  ConsentExpiryIndex1795973191823,
  ConsentEvidence1795984763803,
  StatutoryHandovers1796030000000,
];
