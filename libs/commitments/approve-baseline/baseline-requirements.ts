import { DomainError } from '@cf/core';
import { type EventSourcing, type FactsOnRecord, PROJECTION_WAIT_MS } from '@cf/ledger';
import { requirementOnRecord, requirementsReadModel } from '@cf/requirements';
import type { BaselineRequirement } from '@cf/projects';

/** Pages of the log read past the head the read models were brought to: a handful of events, seldom more. */
const PAGE = 500;

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
  const head = await eventSourcing.store.headPosition();
  if (!(await eventSourcing.runner.waitFor(head, PROJECTION_WAIT_MS))) {
    throw DomainError.unavailable(
      `This instance's read models have not reached the log's head (position ${head}) yet: nothing was done; send the approval again`,
    );
  }
  const listed = (await requirementsReadModel(eventSourcing.readModels).liveRequirements(projectId)).map((row) => row.id);
  const ids = [...new Set([...listed, ...(await addedSince(eventSourcing, projectId, head))])];
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

/** The ids of the project's requirements added after `head`, in the order the log holds them. */
const addedSince = async (eventSourcing: Pick<EventSourcing, 'store'>, projectId: string, head: bigint): Promise<string[]> => {
  const added: string[] = [];
  for (let after = head; ;) {
    const page = await eventSourcing.store.readAll({ after, limit: PAGE });
    for (const event of page) {
      if (event.type === 'RequirementAdded' && event.data.projectId === projectId) added.push(String(event.data.requirementId));
    }
    if (page.length < PAGE) return added;
    after = page[page.length - 1].position;
  }
};
