export * from './alliance.module.js';
export * from './alliances/alliance.entities.js';
export * from './alliances/alliance.enums.js';
export * from './alliances/alliance.models.js';
export * from './alliances/alliance.service.js';
export * from './bootstrap/admin-bootstrap.service.js';
export * from './migrations/index.js';
export { PublicRecordRepository } from './public-record/public-record.repository.js';
