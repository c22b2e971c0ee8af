import type { MigrationClass } from '../../../core/src/index.js';
import { Casework1764057900000 } from './1764057900000-casework.js';

/** This context's migrations, in order. */
export const CASEWORK_MIGRATIONS: MigrationClass[] = [Casework1764057900000];
