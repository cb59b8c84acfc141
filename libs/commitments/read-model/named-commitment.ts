import type { ReadModelDb } from '@cf/event-store';
import { type NamedRow, namedRow } from '@cf/projects';
import { commitmentErrors } from '../domain/commitments.errors.js';
import type { CommitmentRow } from './commitment-row.js';
import { commitmentsReadModel } from './commitments.read-model.js';

/** A commitment a caller named by its id: a customer sees only those made to the contact they are. */
export const namedCommitment = async (db: ReadModelDb, id: string): Promise<NamedRow<CommitmentRow>> =>
  namedRow(await commitmentsReadModel(db).commitment(id), commitmentErrors.notFound(id), (row) => ({
    projectId: row.project_id,
    seenByCustomer: (own) => own === row.made_to_id,
  }));
