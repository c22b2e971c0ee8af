export * from './meetings.module.js';
export * from './migrations/index.js';
export * from './demo/meetings-demo.seeder.js';
export * from './meetings/meeting.enums.js';
export * from './meetings/meeting.entities.js';
export * from './meetings/meeting.models.js';
export * from './meetings/meetings.service.js';
export * from './meetings/decisions.service.js';
