import { channel } from 'node:diagnostics_channel';

/**
 * Published once for every operation a rate limiter refuses. A diagnostics channel rather than
 * an injected service: any limiter, however it is built, reports with one call, and whoever
 * counts (the API's metrics) subscribes without the limiter knowing.
 */
export const rateLimitedChannel = channel('ledger:rate-limited');

export const reportRateLimited = (): void => {
  if (rateLimitedChannel.hasSubscribers) rateLimitedChannel.publish(undefined);
};
