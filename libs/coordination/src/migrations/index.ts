import type { MigrationClass } from '../../../core/src/index.js';
import { Coordination1764057700000 } from './1764057700000-coordination.js';

/** This context's migrations, in order. */
export const COORDINATION_MIGRATIONS: MigrationClass[] = [Coordination1764057700000];
