import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { budgetInputsOf } from '../budget/budget-inputs.js';
import { withProjectDecisionLock } from '../budget/project-decision-lock.js';
import { commitmentsDecider } from '../domain/commitments.decide.js';
import { MakeCommitmentCommand } from './make-commitment.command.js';
import { madeToFact, requestFact, requirementFact } from './make-commitment.facts.js';

/**
 * MANAGER and DEVELOPER make commitments; the maker's project role feeds `madeWithoutAuthority`.
 * The commitment is classified on the budget picture read under the project's decision lock.
 */
@CommandHandler(MakeCommitmentCommand)
export class MakeCommitmentHandler implements ICommandHandler<MakeCommitmentCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller }: MakeCommitmentCommand): Promise<CommandResult> {
    const { role } = await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'make commitments');
    const db = this.ledger.readModels;
    const requestIds = input.requestIds ?? [];
    const requirementIds = input.requirementIds ?? [];
    const madeTo = await madeToFact(db, input.madeToId);
    const requests = await Promise.all(requestIds.map((id) => requestFact(db, id)));
    const requirements = await Promise.all(requirementIds.map((id) => requirementFact(db, id)));
    const commitmentId = newId();
    return withProjectDecisionLock(input.projectId, async () => {
      const budget = await budgetInputsOf(db, input.projectId);
      const at = this.ledger.now();
      return this.ledger.execute(commitmentsDecider, streamName('commitment', commitmentId), {
        type: 'MakeCommitment',
        commitmentId,
        projectId: input.projectId,
        summary: input.summary,
        madeToId: input.madeToId,
        madeTo,
        requestIds,
        requests,
        requirementIds,
        requirements,
        estimateHours: input.estimateHours,
        ...(input.dueDate != null ? { dueDate: input.dueDate } : {}),
        ...(input.sessionId != null ? { sessionId: input.sessionId } : {}),
        makerRole: role,
        budget,
        at: at.toISOString(),
        actor: caller.actor,
      }, { caller, at, idempotencyKey: input.idempotencyKey });
    });
  }
}
