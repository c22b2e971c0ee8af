export * from './casework.module.js';
export * from './migrations/index.js';
export * from './demo/casework-demo.seeder.js';
