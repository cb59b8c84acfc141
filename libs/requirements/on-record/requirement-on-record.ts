import { streamName } from '@cf/core';
import type { FactsOnRecord } from '@cf/ledger';
import { requirementsDecider } from '../domain/requirements.decide.js';
import type { State } from '../domain/requirements.state.js';

/**
 * A requirement as its stream holds it, for a decision another stream takes on it (whether a
 * promise is within requirements, or links one that was removed); null when there is none. From
 * the log, held unmoved until the decision's append: a requirement revised or removed on another
 * instance meanwhile makes the decision be taken again.
 */
export const requirementOnRecord = async (onRecord: FactsOnRecord, requirementId: string): Promise<State | null> => {
  const { state } = await onRecord.fold(requirementsDecider, streamName('requirement', requirementId));
  return state.exists ? state : null;
};
