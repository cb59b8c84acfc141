import type { Logger } from '@nestjs/common';
import type { ReadModelDb } from '@cf/event-store';
import type { PersonalData } from '@cf/personal-data';
import type { TargetHosts } from '../access/target-addresses.js';
import { SECRET_NOT_OPENED, URL_NOT_OPENED, isOpened } from '../access/webhook-secret.js';
import { stillSigns } from '../domain/secret-overlap.js';
import type { DeliverySettings } from './delivery-settings.js';
import { type DueDelivery, deliveryQueue } from './delivery-queue.js';
import { reportDeliveryAttempt } from './delivery-outcomes.js';
import { afterAttempt, isAcknowledged } from './retry-schedule.js';
import { REGISTRANT_NOT_MANAGER } from './registrant-standing.js';
import { postDelivery } from './webhook-post.js';

/** The rotated-out secret while it still signs at `now`, opened; none once its time is over or its key is lost. */
export const stillSigning = async (
  delivery: Pick<DueDelivery, 'previousSecret' | 'previousSecretUntil'>,
  personalData: Pick<PersonalData, 'unseal'>,
  now: Date,
): Promise<string | undefined> => {
  const { previousSecret, previousSecretUntil } = delivery;
  if (previousSecret === null || !stillSigns(previousSecretUntil, now)) return undefined;
  const opened = await personalData.unseal(previousSecret);
  return isOpened(opened) ? opened : undefined;
};

export interface AttemptNeeds {
  readModels: ReadModelDb;
  settings: Pick<DeliverySettings, 'timeoutMs' | 'allowPrivate' | 'retrySeconds'>;
  hosts: TargetHosts;
  personalData: PersonalData;
  registrantManages(webhookId: string, projectId: string): Promise<boolean>;
  logger: Logger;
}

/**
 * One attempt at a delivery the dispatcher claimed in its pass at `now` (which decides whether a
 * rotated-out secret still signs): sent, and its outcome recorded (the next
 * attempt's time, or DELIVERED, or FAILED). Nothing is opened for a registrant who no longer
 * manages the project; else the URL and the secret are opened here only, to send and to sign. No
 * retry can help any of these.
 */
export const deliveryAttempt =
  ({ readModels, settings, hosts, personalData, registrantManages, logger }: AttemptNeeds) =>
  async (delivery: DueDelivery, now: Date): Promise<void> => {
    const { timeoutMs, allowPrivate } = settings;
    const lapsed = !(await registrantManages(delivery.webhookId, delivery.projectId));
    const { url, secret } = lapsed ? { url: '', secret: '' } : await personalData.unseal({ url: delivery.url, secret: delivery.secret });
    const previousSecret = lapsed ? undefined : await stillSigning(delivery, personalData, now);
    const unopened = lapsed ? REGISTRANT_NOT_MANAGER : !isOpened(url) ? URL_NOT_OPENED : !isOpened(secret) ? SECRET_NOT_OPENED : undefined;
    const { statusCode, error } = unopened
      ? { statusCode: null, error: unopened }
      : await postDelivery(
          { ...delivery, url, secret, previousSecret },
          { timeoutMs, allowPrivate, resolve: (host) => hosts.resolve(host) },
        );
    const at = new Date();
    const outcome = unopened
      ? { status: 'FAILED' as const, nextAttemptAt: at.toISOString() }
      : afterAttempt(delivery.attempts + 1, isAcknowledged(statusCode), at, settings.retrySeconds, Math.random());
    await deliveryQueue(readModels)
      .record(delivery, { ...outcome, statusCode, error, at, unsent: unopened !== undefined })
      .catch((error: Error) => logger.warn(`could not record the outcome of delivery ${delivery.deliveryId}: ${error.message}`));
    // An attempt is a delivery sent: one failed unsent (nothing opened to send) counts none, as in `attempts`.
    if (!unopened) reportDeliveryAttempt({ event: delivery.event, outcome: outcome.status === 'PENDING' ? 'RETRY' : outcome.status });
  };
