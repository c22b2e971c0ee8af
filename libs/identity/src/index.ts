export * from './identity.module.js';
export * from './users/user.entity.js';
export * from './users/membership.entity.js';
export * from './users/user.models.js';
export * from './users/users.service.js';
export * from './auth/auth.service.js';
export * from './auth/password.js';
