import { roundHours } from '@cf/core';
import type { BudgetBaseline } from './budget.types.js';
import type { ProjectMemberRole } from './commitments.events.js';

/** One plain sentence per classification flag, written for a manager reading the ledger. */

const baselineLabel = (baseline: BudgetBaseline): string =>
  baseline.name !== undefined && baseline.name.trim() !== '' ? `baseline '${baseline.name}'` : 'the approved baseline';

export const outsideRequirementsReason = (baseline: BudgetBaseline | null): string =>
  baseline === null
    ? 'Links no requirement of an approved baseline (none is approved yet) — it adds scope.'
    : `Links no requirement of ${baselineLabel(baseline)} — it adds scope.`;

/**
 * The reserve left before the commitment, as a sentence names it: below 0 it is overdrawn already
 * (a budget cut below the work promised is recorded, not refused), which "a reserve of 0 h" would hide.
 */
const reserveSaid = (remainingHours: number): string =>
  remainingHours < 0 ? `a reserve overdrawn by ${roundHours(-remainingHours)} h already` : `a reserve of ${roundHours(remainingHours)} h`;

/** `remainingHours` is the remaining reserve before the commitment, below 0 when overdrawn. */
export const outsideBudgetReason = (drawHours: number, remainingHours: number, exceedsByHours: number): string =>
  `Draws ${roundHours(drawHours)} h on ${reserveSaid(remainingHours)} — exceeds the budget by ${roundHours(exceedsByHours)} h.`;

/** What moved a revision's hours onto the reserve. */
export type StepTaken = 'raise' | 'relink' | 'raise and relink';

/**
 * A raise's added hours, or the hours a relink moves onto the reserve, drawn at its moment.
 * `raisedExceedsByHours` is what the step's own draw does not fit (its added draw less the
 * reserve, so a reader can check it) and `exceedsByHours` the whole excess as recorded: when that
 * is more (the promise exceeded the budget before), the sentence names both, so a reader never
 * takes the whole for the step's part.
 */
export const raisedOutsideBudgetReason = (
  addedDrawHours: number,
  remainingHours: number,
  raisedExceedsByHours: number,
  exceedsByHours: number,
  step: StepTaken = 'raise',
): string => {
  const raise = `A ${step === 'raise and relink' ? 'raise with a relink' : step} draws ${roundHours(addedDrawHours)} h more on ${reserveSaid(remainingHours)} — `;
  const whole = roundHours(exceedsByHours);
  const part = roundHours(raisedExceedsByHours);
  if (part >= whole) return `${raise}exceeds the budget by ${whole} h.`;
  return `${raise}${part} h of them beyond the budget; the commitment exceeds it by ${whole} h in all.`;
};

const withArticle = (role: ProjectMemberRole): string => {
  const word = role.toLowerCase();
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
};

/** Who promised it: its maker, or a reviser who changed a manager's promise (PromisedBy). */
const promiser = (role: ProjectMemberRole, inRevision: boolean): string => `${inRevision ? 'Revised' : 'Made'} by ${withArticle(role)}`;

export const madeWithoutAuthorityReason = (
  makerRole: ProjectMemberRole,
  outsideRequirements: boolean,
  outsideBudget: boolean,
  inRevision = false,
): string => {
  const outside =
    outsideRequirements && outsideBudget
      ? 'outside requirements and the budget'
      : outsideRequirements
        ? 'outside requirements'
        : 'outside the budget';
  return `${promiser(makerRole, inRevision)}, not a manager, although it is ${outside}.`;
};

/**
 * A revision brought it within requirements and budget, but it was made without authority: the
 * sentence says so in the past, so it never contradicts the flags beside it (and stays the same
 * through later revisions).
 */
export const madeWithoutAuthorityEarlierReason = (makerRole: ProjectMemberRole, inRevision = false): string =>
  `${promiser(makerRole, inRevision)}, not a manager, while it was outside requirements or the budget; only a manager's approval gives it authority.`;

/**
 * Who asked, as a reason names them: a relayed request's requester with the proxy it came through,
 * so a reader sees why a decision maker's request can still lack first-hand word.
 */
export const askerLabel = (requesterName: string, relayerName?: string): string =>
  relayerName === undefined || relayerName.trim() === '' ? requesterName : `${requesterName} via ${relayerName}`;

/**
 * What the flag means, whichever part of it failed: an asker who could approve scope counts only
 * when asking first-hand (a relayed request until its requester confirms it).
 */
export const requestedWithoutAuthorityReason = (askerNames: readonly string[]): string => {
  const names = [...new Set(askerNames.map((name) => name.trim()).filter((name) => name !== ''))];
  return names.length === 0
    ? 'Not asked first-hand by anyone who could approve scope.'
    : `Not asked first-hand by anyone who could approve scope (asked by ${names.join(', ')}).`;
};
