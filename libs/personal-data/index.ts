export * from './sealing.js';
export * from './key-store.js';
export * from './key-store-sqlite.js';
export * from './key-store-postgres.js';
export * from './open-key-store.js';
export * from './personal-data.service.js';
export * from './unseal.plugin.js';
export * from './personal-data.module.js';
