import type { NamedEntity } from '@cf/projects';
import { commitmentErrors } from '../domain/commitments.errors.js';
import type { CommitmentRow } from './commitment-row.js';

/** A commitment a caller named by its id: a customer sees only those made to the contact they are. */
export const namedCommitment = (id: string, row: Pick<CommitmentRow, 'project_id' | 'made_to_id'>): NamedEntity => ({
  projectId: row.project_id,
  unknown: commitmentErrors.notFound(id),
  seenByCustomer: (own) => own === row.made_to_id,
});
