import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { BudgetDecisions } from '../decision/budget-decisions.js';
import { sessionOnRecord } from '@cf/contacts';
import { contactFact, requirementFacts } from '../decision/budget-facts.js';
import { requestFacts } from '../decision/request-facts.js';
import { MakeCommitmentCommand } from './make-commitment.command.js';

/**
 * MANAGER and DEVELOPER make commitments; the maker's project role feeds `madeWithoutAuthority`.
 * It is judged on the project's budget stream, after every commitment made before it.
 */
@CommandHandler(MakeCommitmentCommand)
export class MakeCommitmentHandler implements ICommandHandler<MakeCommitmentCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly budget: BudgetDecisions,
  ) {}

  execute({ input, caller }: MakeCommitmentCommand): Promise<CommandResult> {
    const requestIds = input.requestIds ?? [];
    const requirementIds = input.requirementIds ?? [];
    const commitmentId = newId();
    return this.budget.decide(
      caller,
      input.projectId,
      ['MANAGER', 'DEVELOPER'],
      'make commitments',
      async (moment) => {
        // The facts are independent reads: on PostgreSQL they go out together.
        const [madeTo, requests, requirements, session] = await Promise.all([
          contactFact(moment.onRecord, input.madeToId),
          requestFacts(moment.onRecord, requestIds),
          requirementFacts(moment.onRecord, requirementIds),
          input.sessionId != null ? sessionOnRecord(moment.onRecord, input.sessionId) : undefined,
        ]);
        return {
          type: 'MakeCommitment',
          actor: moment.actor,
          openingBudgetHours: moment.openingBudgetHours,
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
          ...(input.sessionId != null ? { sessionId: input.sessionId, session } : {}),
          makerRole: moment.grant.role,
        };
      },
      input,
    );
  }
}
