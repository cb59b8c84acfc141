import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { CommitmentDecisions } from '../decision/commitment-decisions.js';
import { RejectCommitmentCommand } from './reject-commitment.command.js';

/** Rejection is a manager's: a DEVELOPER reaches the decider, whose rule managerApproves refuses it; AUDITOR and CUSTOMER are FORBIDDEN here. */
@CommandHandler(RejectCommitmentCommand)
export class RejectCommitmentHandler implements ICommandHandler<RejectCommitmentCommand, CommandResult> {
  constructor(private readonly decisions: CommitmentDecisions) {}

  execute({ input, caller }: RejectCommitmentCommand): Promise<CommandResult> {
    return this.decisions.run(caller, input, ['MANAGER', 'DEVELOPER'], 'reject commitments', ({ at, actor, role }) => ({
      type: 'RejectCommitment',
      commitmentId: input.commitmentId,
      note: input.note,
      approverRole: role,
      at,
      actor,
    }));
  }
}
