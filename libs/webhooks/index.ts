export * from './domain/webhooks.events.js';
export * from './domain/webhooks.state.js';
export * from './domain/webhooks.errors.js';
export * from './domain/webhooks.decide.js';
export * from './domain/webhook-target.js';
export * from './outbox/webhook-notice.js';
export * from './outbox/outbox.tables.js';
export * from './outbox/outbox.projection.js';
