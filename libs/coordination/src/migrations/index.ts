import type { MigrationClass } from '../../../core/src/index.js';
import { Coordination1764057700000 } from './1764057700000-coordination.js';
import { TaskCancelledAt1795959287874 } from './1795959287874-task-cancelled-at.js';
import { TaskDueDayIndex1795973000479 } from './1795973000479-task-due-day-index.js';

/** This context's migrations, in order. */
export const COORDINATION_MIGRATIONS: MigrationClass[] = [
  Coordination1764057700000,
  TaskCancelledAt1795959287874,
  TaskDueDayIndex1795973000479,
];
