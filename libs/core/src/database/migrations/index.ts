import { Foundation1764057600000 } from './1764057600000-foundation.js';
import { AuditEntityIndex1764057600001 } from './1764057600001-audit-entity-index.js';
import { AuditCheckpoints1795960581937 } from './1795960581937-audit-checkpoints.js';
import { DirectoryViews1795960822287 } from './1795960822287-directory-views.js';
import { IdempotencyKeys1795971975858 } from './1795971975858-idempotency-keys.js';

/** The foundation's migrations (core, identity, alliance, audit). */
export const FOUNDATION_MIGRATIONS = [
  Foundation1764057600000,
  AuditEntityIndex1764057600001,
  AuditCheckpoints1795960581937,
  DirectoryViews1795960822287,
  IdempotencyKeys1795971975858,
];
