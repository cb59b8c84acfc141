import { DomainError, distinctIds, referencedFact, requiredText, nonNegativeHours } from '@cf/core';
import type { BudgetChanged } from '@cf/projects';
import type { BudgetState } from './budget.state.js';
import { COUNTERSIGNER, COVERED } from './references.js';
import type { ChangeBudget } from './commitments.commands.js';
import { baselineErrors, changeOrderErrors } from './commitments.errors.js';
import { isActiveCommitmentStatus } from './commitments.events.js';
import { budgetHoursOf } from './commitments.make.js';

/**
 * The commitments a change order pays for: each made in this project (its budget stream holds it),
 * still active, and not paid for by a cover that stands. One it does not hold is another project's or none at all: NOT_FOUND either way.
 */
const coveredCommitments = (command: ChangeBudget, state: BudgetState): string[] => {
  const ids = distinctIds('coversCommitmentIds', command.coversCommitmentIds);
  for (const id of ids) {
    const slot = state.commitments.get(id);
    if (!slot) {
      referencedFact(COVERED, id, command.covered?.find((fact) => fact?.id === id) ?? null, command.projectId);
      throw DomainError.notFound(COVERED.entity, id).about(COVERED.field);
    }
    if (!isActiveCommitmentStatus(slot.status)) throw changeOrderErrors.coversActiveCommitments(id, slot.status);
    // Paid for twice, the history would read as two signatures for the same hours.
    if (slot.covered) throw changeOrderErrors.coversUncoveredCommitments(id);
  }
  return ids;
};

/**
 * A change order moves the budget with a reason (a MANAGER's, checked by the handler). Covering
 * commitments needs the customer's countersignature by a contact who can approve scope; a change
 * order that covers commitments may keep the budget as it is (the customer accepts them within it).
 */
export const changeBudget = (command: ChangeBudget, state: BudgetState): BudgetChanged[] => {
  const revision = command.projectStreamEvents + state.projectEvents;
  if (command.expectedRevision != null && command.expectedRevision !== revision) {
    throw changeOrderErrors.unexpectedRevision(command.projectId, revision, command.expectedRevision);
  }
  const toHours = nonNegativeHours('budgetHours', command.budgetHours);
  const reason = requiredText('reason', command.reason);
  const covers = coveredCommitments(command, state);
  const fromHours = budgetHoursOf(state, command);
  if (toHours === fromHours && covers.length === 0)
    throw DomainError.badInput(
      'budgetHours',
      `the budget is already ${toHours} hours: give another figure, or commitments for the change order to cover`,
    );
  if (covers.length > 0 && command.countersignedById === undefined) throw changeOrderErrors.countersignerNeeded();
  if (command.countersignedById !== undefined) {
    const countersigner = referencedFact(COUNTERSIGNER, command.countersignedById, command.countersignedBy, command.projectId);
    if (!countersigner.canApproveScope) throw baselineErrors.countersignerCanApproveScope(countersigner.name, 'a change order');
  }
  return [
    {
      type: 'BudgetChanged',
      data: {
        projectId: command.projectId,
        fromHours,
        toHours,
        reason,
        ...(covers.length > 0 ? { coversCommitmentIds: covers } : {}),
        ...(command.countersignedById !== undefined ? { countersignedById: command.countersignedById } : {}),
        at: command.at,
      },
    },
  ];
};
