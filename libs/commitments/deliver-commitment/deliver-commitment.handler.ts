import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { CommitmentDecisions } from '../decision/commitment-decisions.js';
import { DeliverCommitmentCommand } from './deliver-commitment.command.js';

/** MANAGER and DEVELOPER mark an accepted or approved commitment delivered; it still counts in the budget. */
@CommandHandler(DeliverCommitmentCommand)
export class DeliverCommitmentHandler implements ICommandHandler<DeliverCommitmentCommand, CommandResult> {
  constructor(private readonly decisions: CommitmentDecisions) {}

  execute({ input, caller }: DeliverCommitmentCommand): Promise<CommandResult> {
    return this.decisions.run(caller, input, ['MANAGER', 'DEVELOPER'], 'deliver commitments', ({ at, actor }) => ({
      type: 'DeliverCommitment',
      commitmentId: input.commitmentId,
      note: input.note,
      at,
      actor,
    }));
  }
}
