import type { MigrationClass } from '../../../core/src/index.js';

/** This context's migrations, in order. */
export const MEETINGS_MIGRATIONS: MigrationClass[] = [];
