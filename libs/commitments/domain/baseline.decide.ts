import { DomainError, referencedFact, requiredText, roundHours, nonNegativeNumber } from '@cf/core';
import type { BaselineApproved, BaselineRequirement } from '@cf/projects';
import type { BudgetState } from './budget.state.js';
import { COUNTERSIGNER } from './references.js';
import type { ApproveBaseline } from './commitments.commands.js';
import { baselineErrors } from './commitments.errors.js';

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const checkRequirements = (requirements: readonly BaselineRequirement[]): BaselineRequirement[] => {
  const seen = new Set<string>();
  return requirements.map(({ requirementId, key, revision, estimateHours }) => {
    if (seen.has(requirementId)) throw DomainError.badInput('requirements', `requirement ${key} is listed more than once`);
    seen.add(requirementId);
    nonNegativeNumber('estimateHours', estimateHours); // recorded facts: estimates taken before hours had two decimals at most
    return { requirementId, key, revision, estimateHours };
  });
};

/**
 * A baseline freezes the live requirements, countersigned by a contact who can approve scope. It
 * replaces what every commitment is judged against, so it is decided on the budget stream.
 */
export const approveBaseline = (command: ApproveBaseline, state: BudgetState): BaselineApproved[] => {
  const name = requiredText('name', command.name);
  if (state.baselines.some((b) => b.baselineId === command.baselineId)) throw baselineErrors.baselineAlreadyExists(command.baselineId);
  const countersigner = referencedFact(COUNTERSIGNER, command.countersignedById, command.countersignedBy, command.projectId);
  if (!countersigner.canApproveScope) throw baselineErrors.countersignerCanApproveScope(countersigner.name, 'a baseline');
  if (command.requirements.length === 0) throw baselineErrors.baselineNotEmpty();
  if (state.baselines.some((b) => sameName(b.name, name))) throw baselineErrors.baselineNameUnique(name);
  const requirements = checkRequirements(command.requirements);
  return [
    {
      type: 'BaselineApproved',
      data: {
        projectId: command.projectId,
        baselineId: command.baselineId,
        name,
        approvedBy: { userId: command.actor.userId, name: command.actor.name },
        countersignedById: command.countersignedById,
        requirements,
        totalHours: roundHours(requirements.reduce((sum, r) => sum + r.estimateHours, 0)),
        at: command.at,
      },
    },
  ];
};
