export * from './domain/reporting.events.js';
export * from './domain/reporting.state.js';
export * from './domain/reporting.errors.js';
export * from './domain/reporting.perception.js';
export * from './domain/reporting.decide.js';
