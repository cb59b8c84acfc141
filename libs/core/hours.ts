import { DomainError } from './domain-error.js';
import { nonNegativeNumber } from './value-checks.js';

/** Checks of hours in commands (budgets, estimates), and how figures round them. */

/** Hours rounded to two decimals; never -0. */
export const roundHours = (hours: number): number => {
  const rounded = Math.round(hours * 100) / 100;
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
