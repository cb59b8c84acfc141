export * from './domain/requests.events.js';
export * from './domain/requests.state.js';
export * from './domain/requests.commands.js';
export * from './domain/requests.errors.js';
export * from './domain/requests.decide.js';
