export * from './reporting.module.js';
