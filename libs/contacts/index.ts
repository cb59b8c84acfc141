export * from './domain/contacts.events.js';
export * from './domain/contacts.state.js';
export * from './domain/contacts.errors.js';
export * from './domain/contacts.decide.js';
export * from './domain/session.events.js';
export * from './domain/session.state.js';
export * from './domain/session.decide.js';
