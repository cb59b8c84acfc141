export * from './read-model/audit.projection.js';
export * from './read-model/audit.read-model.js';
export * from './graphql/audit.types.js';
export * from './get-history/entity-changes.js';
export * from './get-history/changes-per-kind.js';
export * from './watch-project-activity/activity-summary.js';
export * from './audit.module.js';
export * from './transfer/index.js';
