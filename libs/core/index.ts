export * from './decider.js';
export * from './domain-error.js';
export * from './ids.js';
export * from './clock.js';
export * from './field-changes.js';
export * from './value-checks.js';
export * from './calendar.js';
export * from './url-origin.js';
