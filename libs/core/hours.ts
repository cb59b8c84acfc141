import { DomainError } from './domain-error.js';
import { nonNegativeNumber } from './value-checks.js';

/** Checks of hours in commands (budgets, estimates), and how figures round them. */

/**
 * Hours rounded to two decimals, half a cent up; never -0. A figure that is half a cent but for
 * binary noise (1.005 h is 100.4999… cents, 8.345 h 834.5000…1, and a sum lands either side
 * depending on the order of its additions) rounds as half a cent does, whichever order it was
 * added in: a decision and a read model that sum the same hours in another order show the same
 * cents, and judge the same.
 */
export const roundHours = (hours: number): number => {
  const cents = hours * 100;
  const below = Math.floor(cents);
  const half = Math.abs(cents - below - 0.5) <= 1e-11 * Math.max(1, Math.abs(cents));
  const rounded = (half ? below + 1 : Math.round(cents)) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
};

/**
 * Hours to the hundredth at most (36 seconds), as every figure shows them: a finer estimate would
 * be judged on a part no figure shows (0.001 h on an empty reserve read "exceeds the budget by 0 h").
 */
const inHundredths = (field: string, hours: number): number => {
  const scaled = hours * 100;
  const hundredths = Math.round(scaled);
  // A few units of float precision, relative to the figure: it absorbs binary fractions (0.29 * 100 =
  // 28.999999999999996), not a typed 1.99999999, nor a tiny 1e-18 that would be read as 0.
  if (Math.abs(scaled - hundredths) > 4 * Number.EPSILON * Math.abs(scaled))
    throw DomainError.badInput(field, 'must have at most two decimals');
  return hundredths / 100;
};

/** Hours, zero or more (a budget, a requirement's estimate). */
export const nonNegativeHours = (field: string, value: unknown): number => inHundredths(field, nonNegativeNumber(field, value));

/** Hours greater than zero (a commitment's estimate), once rounded to the hundredth. */
export const positiveHours = (field: string, value: unknown): number => {
  const hours = nonNegativeHours(field, value);
  if (hours <= 0) throw DomainError.badInput(field, 'must be more than zero');
  return hours;
};
