import { DomainError, nonNegativeNumber, referencedFact, requiredText, roundHours } from '@cf/core';
import type { Actor, BaselineRequirement, ProjectEvent } from './projects.events.js';
import { projectErrors } from './projects.errors.js';
import type { ProjectState } from './projects.state.js';

export interface ApproveBaseline {
  readonly type: 'ApproveBaseline';
  readonly projectId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly baselineId: string;
  readonly name: string;
  readonly countersignedById: string;
  /** The countersigning contact as the handler found it; null when it does not exist. */
  readonly countersignedBy: {
    readonly id: string;
    readonly projectId: string;
    readonly canApproveScope: boolean;
    readonly name: string;
  } | null;
  /** The live requirements, each at its current revision, as the handler found them. */
  readonly requirements: readonly BaselineRequirement[];
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const checkRequirements = (requirements: readonly BaselineRequirement[]): BaselineRequirement[] => {
  const seen = new Set<string>();
  return requirements.map(({ requirementId, key, revision, estimateHours }) => {
    if (seen.has(requirementId)) {
      throw DomainError.badInput('requirements', `requirement ${key} is listed more than once`);
    }
    seen.add(requirementId);
    nonNegativeNumber('estimateHours', estimateHours);
    return { requirementId, key, revision, estimateHours };
  });
};

export const decideApproveBaseline = (command: ApproveBaseline, state: ProjectState): ProjectEvent[] => {
  const name = requiredText('name', command.name);
  if (state.baselines.some((baseline) => baseline.baselineId === command.baselineId)) {
    throw projectErrors.baselineAlreadyExists(command.baselineId);
  }
  const countersigner = referencedFact(
    'Contact',
    command.countersignedById,
    command.countersignedBy,
    state.projectId,
    (entity, _id, contact) => projectErrors.sameProject(`${entity} ${contact.name}`),
  );
  if (!countersigner.canApproveScope) throw projectErrors.countersignerCanApproveScope(countersigner.name);
  if (command.requirements.length === 0) throw projectErrors.baselineNotEmpty();
  if (state.baselines.some((baseline) => sameName(baseline.name, name))) throw projectErrors.baselineNameUnique(name);
  const requirements = checkRequirements(command.requirements);
  const totalHours = roundHours(requirements.reduce((sum, requirement) => sum + requirement.estimateHours, 0));
  return [
    {
      type: 'BaselineApproved',
      data: {
        projectId: state.projectId,
        baselineId: command.baselineId,
        name,
        approvedBy: { userId: command.actor.userId, name: command.actor.name },
        countersignedById: command.countersignedById,
        requirements,
        totalHours,
        at: command.at,
      },
    },
  ];
};
