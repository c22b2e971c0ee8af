import type { MigrationClass } from '../../../core/src/index.js';

/** This context's migrations, in order. */
export const CASEWORK_MIGRATIONS: MigrationClass[] = [];
