export * from './ndjson.js';
export * from './event-batches.js';
export * from './chain-check.js';
export * from './store-summary.js';
export * from './export-events.js';
export * from './import-events.js';
export * from './migrate-events.js';
export * from './store-url.js';
