export * from './domain/budget.js';
export * from './domain/commitments.events.js';
export * from './domain/commitments.commands.js';
export * from './domain/commitments.state.js';
export * from './domain/commitments.errors.js';
export * from './domain/commitments.classification.js';
export * from './domain/commitments.reasons.js';
export * from './domain/commitments.decide.js';
