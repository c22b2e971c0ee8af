export * from './coordination.module.js';
export * from './migrations/index.js';
export * from './demo/coordination-demo.seeder.js';
