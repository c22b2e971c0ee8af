export * from './casework.module.js';
export * from './migrations/index.js';
export * from './demo/casework-demo.seeder.js';
export * from './casework.enums.js';
export { CaseCrypto, normaliseFamilyName } from './crypto/case-crypto.service.js';
export { RetentionService, RETENTION_LOCK } from './retention/retention.service.js';
export { CaseStatisticsService, type CaseworkStatistics } from './statistics/case-statistics.service.js';
export type * from './statistics/case-statistics.figures.js';
export type { StatCell, Suppression } from './statistics/disclosure-control.js';
