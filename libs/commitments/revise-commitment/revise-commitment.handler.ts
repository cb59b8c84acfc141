import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { budgetInputsOf } from '../budget/budget-inputs.js';
import { withProjectDecisionLock } from '../budget/project-decision-lock.js';
import { commitmentsDecider } from '../domain/commitments.decide.js';
import { commitmentErrors } from '../domain/commitments.errors.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { ReviseCommitmentCommand } from './revise-commitment.command.js';

/**
 * MANAGER and DEVELOPER revise an open commitment. A new estimate is judged again on the
 * budget picture without the commitment's own earlier figures, under the project's decision lock.
 */
@CommandHandler(ReviseCommitmentCommand)
export class ReviseCommitmentHandler implements ICommandHandler<ReviseCommitmentCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller }: ReviseCommitmentCommand): Promise<CommandResult> {
    const db = this.ledger.readModels;
    const row = await commitmentsReadModel(db).commitment(input.commitmentId);
    if (!row) throw commitmentErrors.notFound(input.commitmentId);
    const { role } = await this.access.require(caller, row.project_id, ['MANAGER', 'DEVELOPER'], 'revise commitments');
    return withProjectDecisionLock(row.project_id, async () => {
      const budget = await budgetInputsOf(db, row.project_id, input.commitmentId);
      const at = this.ledger.now();
      return this.ledger.execute(commitmentsDecider, streamName('commitment', input.commitmentId), {
        type: 'ReviseCommitment',
        commitmentId: input.commitmentId,
        ...(input.estimateHours != null ? { estimateHours: input.estimateHours } : {}),
        ...(input.dueDate != null ? { dueDate: input.dueDate } : {}),
        reason: input.reason,
        makerRole: role,
        budget,
        at: at.toISOString(),
        actor: caller.actor,
      }, { caller, at, expectedRevision: input.expectedRevision });
    });
  }
}
