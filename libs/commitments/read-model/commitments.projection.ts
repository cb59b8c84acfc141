import type { EventByEventProjection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { BaselineApproved, BudgetChanged } from '@cf/projects';
import { type CommitmentEvent, isCommitmentEvent } from '../domain/commitments.events.js';
import { contactRegistered, contactRevised, requestConfirmed, requestRaised } from './authority.apply.js';
import { baselineApproved, budgetChanged, projectOpened } from './budget-events.apply.js';
import { applyCommitmentEvent } from './commitment-events.apply.js';
import { COMMITMENTS_TABLES, migrateCommitmentsTables } from './commitments.tables.js';
import { markSuspect } from './suspect-links.apply.js';

type Data = Record<string, unknown> & { reason?: string };

/** What the other contexts' events do here: who may approve scope, who asked, which links turn suspect. */
const FROM_OTHER_CONTEXTS: Record<string, (trx: ReadModelTransaction, d: Data, recorded: RecordedEvent) => Promise<void>> = {
  ProjectOpened: (trx, d) => projectOpened(trx, d as { projectId: string; budgetHours: number }),
  ContactRegistered: (trx, d) => contactRegistered(trx, d as { contactId: string; name: string; canApproveScope: boolean }),
  ContactRevised: (trx, d) => contactRevised(trx, d as { contactId: string; canApproveScope?: boolean }),
  RequestRaised: (trx, d) => requestRaised(trx, d as { requestId: string; channel: string; requestedById: string }),
  RequestConfirmed: (trx, d) => requestConfirmed(trx, d as { requestId: string; contactId: string }),
  RequestWithdrawn: (trx, d, r) => markSuspect(trx, 'REQUEST', String(d.requestId), `The request was withdrawn: ${d.reason ?? ''}`, r),
  RequirementRevised: (trx, d, r) => markSuspect(trx, 'REQUIREMENT', String(d.requirementId), `The requirement was revised: ${d.reason ?? ''}`, r),
  RequirementRemoved: (trx, d, r) => markSuspect(trx, 'REQUIREMENT', String(d.requirementId), `The requirement was removed: ${d.reason ?? ''}`, r),
};

/**
 * Commitments as made and as they stand today, the budget they draw on, suspect links and the
 * dashboard's commitment counters. Budget-stream events judge; the other contexts' events only
 * feed the facts judgements use, each as it stood when it happened.
 */
export const commitmentsProjection: EventByEventProjection = {
  name: 'commitments',
  version: 2,
  tables: COMMITMENTS_TABLES,
  migrate: migrateCommitmentsTables,
  apply: async (trx, recorded) => {
    const event = { type: recorded.type, data: recorded.data };
    if (recorded.stream.startsWith('budget-')) {
      if (event.type === 'BudgetChanged') return budgetChanged(trx, event as BudgetChanged, recorded);
      if (event.type === 'BaselineApproved') return baselineApproved(trx, event as BaselineApproved);
      if (isCommitmentEvent(event)) return applyCommitmentEvent(trx, event as CommitmentEvent, recorded);
      return;
    }
    await FROM_OTHER_CONTEXTS[event.type]?.(trx, event.data as Data, recorded);
  },
};
