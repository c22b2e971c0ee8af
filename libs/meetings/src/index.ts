export * from './meetings.module.js';
export * from './migrations/index.js';
export * from './demo/meetings-demo.seeder.js';
