import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { contactFact, requirementFacts } from '../decision/budget-facts.js';
import { requestFacts } from '../decision/request-facts.js';
import { budgetDecider } from '../domain/budget.decide.js';
import { ReviseCommitmentCommand } from './revise-commitment.command.js';

/**
 * MANAGER and DEVELOPER revise an open commitment: its estimate, due date or links, decided on the
 * budget stream (reviseCommitment: a raise judged at its moment, today's standing in its place).
 */
@CommandHandler(ReviseCommitmentCommand)
export class ReviseCommitmentHandler implements ICommandHandler<ReviseCommitmentCommand, CommandResult> {
  constructor(private readonly budget: BudgetDecisions) {}

  execute({ input, caller }: ReviseCommitmentCommand): Promise<CommandResult> {
    return this.budget.onCommitment(caller, input.commitmentId, ['MANAGER', 'DEVELOPER'], 'revise commitments', async (moment, row) => {
      // The links it keeps, as its budget stream holds them (a relink on another instance a moment ago included), and
      // their targets as they stand now: a revision may not keep one to a removed requirement or a withdrawn request.
      const budget = await moment.onRecord.fold(budgetDecider, streamName('budget', row.project_id));
      const slot = budget.state.commitments.get(input.commitmentId);
      const keptRequirementIds = input.requirementIds == null ? [...(slot?.requirementIds ?? [])] : [];
      const keptRequestIds = input.requestIds == null ? [...(slot?.requestIds ?? [])] : [];
      // Read together: on PostgreSQL each is a round trip.
      const [requirements, requests, keptRequirements, keptRequests, madeTo] = await Promise.all([
        input.requirementIds != null ? requirementFacts(moment.onRecord, input.requirementIds) : undefined,
        input.requestIds != null ? requestFacts(moment.onRecord, input.requestIds) : undefined,
        requirementFacts(moment.onRecord, keptRequirementIds),
        requestFacts(moment.onRecord, keptRequestIds),
        contactFact(moment.onRecord, row.made_to_id),
      ]);
      return {
        type: 'ReviseCommitment',
        actor: moment.actor,
        openingBudgetHours: moment.openingBudgetHours,
        commitmentId: input.commitmentId,
        expectedRevision: input.expectedRevision,
        ...(input.estimateHours != null ? { estimateHours: input.estimateHours } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
        ...(input.requirementIds != null ? { requirementIds: input.requirementIds, requirements } : {}),
        ...(input.requestIds != null ? { requestIds: input.requestIds, requests } : {}),
        keptRequirements,
        keptRequests,
        madeTo,
        reason: input.reason,
        reviserRole: moment.grant.role,
      };
    });
  }
}
