import type { Projection, PageRows, RecordedEvent } from '@cf/event-store';
import type { BaselineApproved, BudgetChanged } from '@cf/projects';
import { type CommitmentEvent, isCommitmentEvent } from '../domain/commitments.events.js';
import { contactRegistered, contactRevised, requestConfirmed, requestRaised } from './authority.apply.js';
import { baselineApproved, budgetChanged, projectOpened } from './budget-events.apply.js';
import { applyCommitmentEvent } from './commitment-events.apply.js';
import { COMMITMENTS_KEYS, COMMITMENTS_TABLES, migrateCommitmentsTables } from './commitments.tables.js';
import { targetChanged } from './suspect-links.apply.js';
import { type SessionFacts, sessionCorrected, sessionLogged } from './authority-evidence.apply.js';

type Data = Record<string, unknown> & { reason?: string };

/** What the other contexts' events do here: who may approve scope, who asked and on what evidence, which links turn suspect. */
const FROM_OTHER_CONTEXTS: Record<string, (rows: PageRows, d: Data, recorded: RecordedEvent) => Promise<void>> = {
  ProjectOpened: (rows, d) => projectOpened(rows, d as { projectId: string; budgetHours: number }),
  ContactRegistered: (rows, d) => contactRegistered(rows, d as { contactId: string; name: string; canApproveScope: boolean }),
  ContactRevised: (rows, d) => contactRevised(rows, d as { contactId: string; canApproveScope?: boolean }),
  RequestRaised: (rows, d) => requestRaised(rows, d as Parameters<typeof requestRaised>[1]),
  RequestConfirmed: (rows, d) => requestConfirmed(rows, d as { requestId: string; contactId: string; sessionId?: string }),
  ContactSessionLogged: (rows, d) => sessionLogged(rows, d as unknown as SessionFacts),
  ContactSessionCorrected: (rows, d) => sessionCorrected(rows, d as Partial<SessionFacts> & { sessionId: string; voided?: boolean }),
  RequestWithdrawn: (rows, d, r) => targetChanged(rows, 'REQUEST', String(d.requestId), `The request was withdrawn: ${d.reason ?? ''}`, r),
  RequirementRevised: (rows, d, r) =>
    targetChanged(rows, 'REQUIREMENT', String(d.requirementId), `The requirement was revised: ${d.reason ?? ''}`, r),
  RequirementRemoved: (rows, d, r) =>
    targetChanged(rows, 'REQUIREMENT', String(d.requirementId), `The requirement was removed: ${d.reason ?? ''}`, r),
};

/**
 * Commitments as made and as they stand today, the budget they draw on, suspect links and the
 * dashboard's commitment counters. Budget-stream events judge; the other contexts' events only
 * feed the facts judgements use, each as it stood when it happened.
 */
export const commitmentsProjection: Projection = {
  name: 'commitments',
  // 3: a target's change is one row of its own; suspect links are found when read;
  // 4: first-hand evidence falls with the session it rests on; a reviser who is not a manager promises on their own authority;
  // 5: today's standing judged once per page, its hours counted in cents from the project's start;
  // 6: outside the budget only by a cent or more, as the figures show it;
  // 7: a confirmation's evidence falls when its session is corrected to before the request was raised;
  // 8: a relayed request's reason names the proxy it came through;
  // 9: a cover a revision ended is kept, marked ended, instead of deleted;
  // 10: today's excess is the draw less the reserve as shown, to the cent;
  // 11: a counter of the active commitments outside requirements today;
  // 12: today's excess judged on the remaining reserve before and after as the view shows them;
  // 13: half a cent rounds up whatever order its sum was added in
  version: 13,
  tables: COMMITMENTS_TABLES,
  keys: COMMITMENTS_KEYS,
  migrate: migrateCommitmentsTables,
  project: async (rows, recorded) => {
    const event = { type: recorded.type, data: recorded.data };
    if (recorded.stream.startsWith('budget-')) {
      if (event.type === 'BudgetChanged') return budgetChanged(rows, event as BudgetChanged, recorded);
      if (event.type === 'BaselineApproved') return baselineApproved(rows, event as BaselineApproved);
      if (isCommitmentEvent(event)) return applyCommitmentEvent(rows, event as CommitmentEvent, recorded);
      return;
    }
    await FROM_OTHER_CONTEXTS[event.type]?.(rows, event.data as Data, recorded);
  },
};
