import type { ReadModelDb } from '@cf/event-store';

export const requirementTitles = (db: ReadModelDb) => db.selectFrom('requirements').select('title').execute();
