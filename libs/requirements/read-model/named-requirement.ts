import type { ReadModelDb } from '@cf/event-store';
import { type NamedRow, namedRow } from '@cf/projects';
import { requirementErrors } from '../domain/requirements.errors.js';
import { type RequirementRow, requirementsReadModel } from './requirements.read-model.js';

/** A requirement a caller named by its id. Requirements (estimates included) are internal: a customer sees none. */
export const namedRequirement = async (db: ReadModelDb, id: string): Promise<NamedRow<RequirementRow>> =>
  namedRow(await requirementsReadModel(db).requirement(id), requirementErrors.notFound(id), (row) => ({ projectId: row.project_id }));
