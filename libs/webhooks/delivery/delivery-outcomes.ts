import { channel } from 'node:diagnostics_channel';

/** How one attempt ended: acknowledged, to be retried, or the last one failed. Bounded, for metric labels. */
export type DeliveryOutcome = 'DELIVERED' | 'RETRY' | 'FAILED';

export interface DeliveryAttempted {
  event: string;
  outcome: DeliveryOutcome;
}

/**
 * Published once for every webhook attempt, like the rate limiter's refusals: whoever counts (the
 * API's metrics) subscribes without the dispatcher knowing.
 */
export const webhookDeliveryChannel = channel('ledger:webhook-delivery');

export const reportDeliveryAttempt = (attempt: DeliveryAttempted): void => {
  if (webhookDeliveryChannel.hasSubscribers) webhookDeliveryChannel.publish(attempt);
};
