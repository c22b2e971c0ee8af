import type { MigrationClass } from '../../../core/src/index.js';
import { People1795959363682 } from './1795959363682-people.js';
import { UserPhone1796030000001 } from './1796030000001-user-phone.js';

/** This context's migrations after the foundation, in order. */
export const IDENTITY_MIGRATIONS: MigrationClass[] = [People1795959363682, UserPhone1796030000001];
