export * from './notifications.module.js';
export * from './migrations/index.js';
export * from './mail/templates.js';
export * from './mail/mail-delivery.service.js';
export * from './outbox/outbox.service.js';
export * from './outbox/outbox.models.js';
