import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { CommitmentDecisions } from '../decision/commitment-decisions.js';
import { WithdrawCommitmentCommand } from './withdraw-commitment.command.js';

/** MANAGER and DEVELOPER withdraw an open commitment (with a note); its hours leave the budget. */
@CommandHandler(WithdrawCommitmentCommand)
export class WithdrawCommitmentHandler implements ICommandHandler<WithdrawCommitmentCommand, CommandResult> {
  constructor(private readonly decisions: CommitmentDecisions) {}

  execute({ input, caller }: WithdrawCommitmentCommand): Promise<CommandResult> {
    return this.decisions.run(caller, input, ['MANAGER', 'DEVELOPER'], 'withdraw commitments', ({ at, actor }) => ({
      type: 'WithdrawCommitment',
      commitmentId: input.commitmentId,
      note: input.note,
      at,
      actor,
    }));
  }
}
