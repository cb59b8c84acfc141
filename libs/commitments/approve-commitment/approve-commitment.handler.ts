import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { CommitmentDecisions } from '../decision/commitment-decisions.js';
import { ApproveCommitmentCommand } from './approve-commitment.command.js';

/** Approval is a manager's: a DEVELOPER reaches the decider, whose rule managerApproves refuses it; AUDITOR and CUSTOMER are FORBIDDEN here. */
@CommandHandler(ApproveCommitmentCommand)
export class ApproveCommitmentHandler implements ICommandHandler<ApproveCommitmentCommand, CommandResult> {
  constructor(private readonly decisions: CommitmentDecisions) {}

  execute({ input, caller }: ApproveCommitmentCommand): Promise<CommandResult> {
    return this.decisions.run(caller, input, ['MANAGER', 'DEVELOPER'], 'approve commitments', ({ at, actor, role }) => ({
      type: 'ApproveCommitment',
      commitmentId: input.commitmentId,
      note: input.note,
      approverRole: role,
      at,
      actor,
    }));
  }
}
