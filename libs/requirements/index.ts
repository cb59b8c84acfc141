export * from './domain/requirements.events.js';
export * from './domain/requirements.state.js';
export * from './domain/requirements.commands.js';
export * from './domain/requirements.errors.js';
export * from './domain/requirements.decide.js';
