import { type EventSourcing, type FactsOnRecord, eventsPast, readModelsAtHead } from '@cf/ledger';
import { requirementOnRecord, requirementsReadModel } from '@cf/requirements';
import type { BaselineRequirement } from '@cf/projects';

/**
 * The project's live requirements as a baseline freezes them: every change the log holds before
 * the approval, whether another instance or a command a moment ago appended it. The read models
 * are first brought up to the log's head, which requirements the project has is read from them,
 * and requirements added past that head from the log; each is then read from its stream and held
 * unmoved till the append, so one revised or removed meanwhile makes the approval be taken again.
 * Only one added in the instant between the last read and the append is not in it; landing before
 * the approval in the log, it counts neither in the baseline nor in the changes since (README).
 */
export const baselineRequirements = async (
  eventSourcing: Pick<EventSourcing, 'store' | 'runner' | 'readModels'>,
  onRecord: FactsOnRecord,
  projectId: string,
): Promise<BaselineRequirement[]> => {
  const head = await readModelsAtHead(eventSourcing, 'the approval');
  const listed = (await requirementsReadModel(eventSourcing.readModels).liveRequirements(projectId)).map((row) => row.id);
  const added = await eventsPast(eventSourcing, head, (event) => event.type === 'RequirementAdded' && event.data.projectId === projectId);
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
