import { Injectable } from '@nestjs/common';
import { streamName } from '@cf/core';
import type { CommandResult, Untimed } from '@cf/event-store';
import { type Caller, EventSourcing, type FactsOnRecord, type KeyedInput, executeOnRecord } from '@cf/ledger';
import { type NamedEntity, type ProjectAccessGrant, ProjectAccess, type ProjectRole, projectsDecider } from '@cf/projects';
import { budgetDecider } from '../domain/budget.decide.js';
import type { BudgetCommand } from '../domain/commitments.commands.js';
import type { CommitmentRow } from '../read-model/commitments.read-model.js';
import { namedCommitment } from '../read-model/named-commitment.js';

/** What every budget command carries besides its time (handleCommand's): by whom, and the project stream's facts. */
export interface BudgetMoment {
  actor: Caller['actor'];
  grant: ProjectAccessGrant;
  /** The budget the project was opened with: the budget until a change order. */
  openingBudgetHours: number;
  /** The project stream's events: with the budget's own, the project's revision. */
  projectStreamEvents: number;
  /** Where the facts of other streams are read (contacts), held unmoved with the project's stream till the append. */
  onRecord: FactsOnRecord;
}

/**
 * Runs a decision on a project's budget stream `budget-<projectId>`: checks the caller's role,
 * reads the project's opening budget from its stream, and hands the command to the one
 * handleCommand, which folds the budget stream, decides and appends under its revision. A
 * concurrent decision on the same budget (any instance) makes the append fail; it is decided
 * again on fresh state, so no two decisions ever draw on the same picture. Who decides is part of
 * the picture: the caller's role is the project stream's (ProjectAccess on the record), and the
 * contacts it names are their streams' (FactsOnRecord); the append is refused if any of those
 * streams moved meanwhile, and the decision taken again, so no approval or promise lands after its
 * maker stopped being a manager or on a contact's authority they no longer have.
 */
@Injectable()
export class BudgetDecisions {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  /** `on` is the project's id, or the entity the caller named (see ProjectAccess.requireNamed). */
  async decide(
    caller: Caller,
    on: string | NamedEntity,
    roles: readonly ProjectRole[],
    action: string,
    command: (moment: BudgetMoment) => Promise<Untimed<BudgetCommand>> | Untimed<BudgetCommand>,
    /** The input, when it may carry an idempotency key. */
    keyed?: KeyedInput,
  ): Promise<CommandResult> {
    const projectId = typeof on === 'string' ? on : on.projectId;
    return executeOnRecord(
      this.eventSourcing,
      budgetDecider,
      streamName('budget', projectId),
      async (onRecord) => {
        const grant =
          typeof on === 'string'
            ? await this.access.require(caller, on, roles, action, onRecord)
            : await this.access.requireNamed(caller, on, roles, action, onRecord);
        // The fold the access check took (FactsOnRecord keeps it): no second read.
        const project = await onRecord.fold(projectsDecider, streamName('project', projectId));
        return command({
          actor: caller.actor,
          grant,
          openingBudgetHours: project.state.budgetHours,
          projectStreamEvents: project.lastIndex + 1,
          onRecord,
        });
      },
      { caller, keyed },
    );
  }

  /**
   * A decision on one commitment, on its project's budget stream. Its read-model row, read first
   * to find that stream (NOT_FOUND before anything else), is handed on for the facts it gives.
   */
  async onCommitment(
    caller: Caller,
    commitmentId: string,
    roles: readonly ProjectRole[],
    action: string,
    command: (moment: BudgetMoment, commitment: CommitmentRow) => Promise<Untimed<BudgetCommand>> | Untimed<BudgetCommand>,
    keyed?: KeyedInput,
  ): Promise<CommandResult> {
    const { row: commitment, named } = await namedCommitment(this.eventSourcing.readModels, commitmentId);
    return this.decide(caller, named, roles, action, (moment) => command(moment, commitment), keyed);
  }
}
