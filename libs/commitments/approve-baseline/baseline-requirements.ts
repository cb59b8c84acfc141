import { type EventSourcing, type FactsOnRecord, kindPastReadModels } from '@cf/ledger';
import { requirementOnRecord, requirementsReadModel } from '@cf/requirements';
import type { BaselineRequirement } from '@cf/projects';

/**
 * The project's live requirements as a baseline freezes them: every change the log holds before
 * the approval, whether another instance or a command a moment ago appended it. The read models
 * are first brought up to the log's head, requirements added past it read from the log, and which
 * requirements the project has read from the read models; each is then read from its stream and
 * held unmoved till the append, and the project's requirements as a kind held unchanged since the
 * last position read (kindPastReadModels), so one added, revised or removed meanwhile, on any
 * instance, makes the approval be taken again.
 */
export const baselineRequirements = async (
  eventSourcing: Pick<EventSourcing, 'store' | 'runner' | 'readModels'>,
  onRecord: FactsOnRecord,
  projectId: string,
): Promise<BaselineRequirement[]> => {
  const past = await kindPastReadModels(eventSourcing, onRecord, { streamPrefix: 'requirement-', projectId }, 'the approval');
  const added = past.filter((event) => event.type === 'RequirementAdded');
  const listed = (await requirementsReadModel(eventSourcing.readModels).liveRequirements(projectId)).map((row) => row.id);
  const ids = [...new Set([...listed, ...added.map((event) => String(event.data.requirementId))])];
  const requirements = await Promise.all(ids.map((id) => requirementOnRecord(onRecord, id)));
  return requirements.flatMap((requirement) =>
    requirement?.requirementId && !requirement.removed
      ? [
          {
            requirementId: requirement.requirementId,
            key: requirement.key,
            revision: requirement.revision,
            estimateHours: requirement.estimateHours,
          },
        ]
      : [],
  );
};
