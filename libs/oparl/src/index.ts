export * from './oparl.module.js';
