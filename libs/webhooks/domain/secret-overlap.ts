import { DomainError } from '@cf/core';

/** A week: long enough for a receiver's rollout across its instances, as payment providers allow. */
export const MAX_PREVIOUS_SECRET_HOURS = 168;

/**
 * Until when a rotated-out secret still signs beside the new one, so that receivers holding
 * either accept every delivery while the new one is rolled out; nothing when it stops at once.
 */
export const previousSecretValidUntil = (hours: number | undefined, at: string): { previousSecretValidUntil?: string } => {
  if (hours === undefined || hours === 0) return {};
  if (!Number.isInteger(hours) || hours < 0 || hours > MAX_PREVIOUS_SECRET_HOURS) {
    throw DomainError.badInput('keepPreviousSecretHours', `must be a whole number of hours from 0 to ${MAX_PREVIOUS_SECRET_HOURS}`);
  }
  return { previousSecretValidUntil: new Date(Date.parse(at) + hours * 3_600_000).toISOString() };
};

/** Whether a rotated-out secret signs at `now`: it stops at the end of its window (`previousSecretValidUntil`), not after. */
export const stillSigns = (validUntil: string | null, now: Date): boolean => validUntil !== null && now.getTime() < Date.parse(validUntil);
