import type { ActualStatus, ToldStatus } from './reporting.events.js';

/** Told statuses that promise things are fine. */
const REASSURING: readonly ToldStatus[] = ['ON_TRACK', 'DONE'];
/** Real states that contradict a reassuring report. */
const TROUBLED: readonly ActualStatus[] = ['AT_RISK', 'BLOCKED', 'NOT_STARTED'];

/** What a real state says of its percentage where the assessment gave none (the decider holds a stated one to it). */
const IMPLIED_PERCENT: Partial<Record<ActualStatus, number>> = { DONE: 100, NOT_STARTED: 0 };

/** A told percentage may run ahead of the real one by at most this many points. */
export const PERCEPTION_GAP_POINTS = 20;

export interface ToldPicture {
  toldStatus: ToldStatus;
  toldPercentComplete?: number | null;
}

export interface RealPicture {
  actualStatus: ActualStatus;
  actualPercentComplete?: number | null;
}

/** What the contact told said about the report: `agrees: false` disputes it. */
export interface Acknowledgement {
  agrees: boolean;
}

/**
 * A perception gap, between one report to a contact and the latest assessment: the contact
 * disputed the report; or they were told it goes on (any status but DROPPED) while it ended, or
 * DROPPED while it goes on; or told ON_TRACK or DONE while it is really AT_RISK, BLOCKED or
 * NOT_STARTED; or told DONE while it is not done, whatever the percentages; or told a percent
 * more than 20 points above the real one (only when both are known: a real state of DONE or
 * NOT_STARTED says its own, 100 % or 0 %, as an assessment may state no other). Without a report:
 * no gap; without an assessment: a gap only when disputed.
 */
export function isPerceptionGap(
  report: ToldPicture | null | undefined,
  assessment: RealPicture | null | undefined,
  acknowledgement?: Acknowledgement | null,
): boolean {
  if (!report) return false;
  if (acknowledgement && !acknowledgement.agrees) return true;
  if (!assessment) return false;
  if ((report.toldStatus === 'DROPPED') !== (assessment.actualStatus === 'DROPPED')) return true;
  if (REASSURING.includes(report.toldStatus) && TROUBLED.includes(assessment.actualStatus)) return true;
  if (report.toldStatus === 'DONE' && assessment.actualStatus !== 'DONE') return true;
  const told = report.toldPercentComplete;
  const real = assessment.actualPercentComplete ?? IMPLIED_PERCENT[assessment.actualStatus];
  return typeof told === 'number' && typeof real === 'number' && told - real > PERCEPTION_GAP_POINTS;
}
