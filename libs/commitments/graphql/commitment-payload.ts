import { readBack } from '@cf/ledger';
import type { CommandResult, ReadModelDb } from '@cf/event-store';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { toCommitment } from './commitment.mapping.js';
import type { CommitmentPayload } from './commitment.types.js';

/** What a commitment mutation answers: its position, and the commitment as the read model has it after. */
export const commitmentPayload = async (db: ReadModelDb, result: CommandResult, commitmentId: string): Promise<CommitmentPayload> => {
  const row = await commitmentsReadModel(db).commitment(commitmentId);
  return { position: result.position.toString(), commitment: toCommitment(readBack(row, result.position, 'commitment')) };
};
