import type { ActualStatus, ToldStatus } from './reporting.events.js';

/** Told statuses that promise things are fine. */
const REASSURING: readonly ToldStatus[] = ['ON_TRACK', 'DONE'];
/** Real states that contradict a reassuring report. */
const TROUBLED: readonly ActualStatus[] = ['AT_RISK', 'BLOCKED', 'NOT_STARTED'];

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

/**
 * A perception gap: the assessment contradicts the latest report — told ON_TRACK or DONE while
 * really AT_RISK, BLOCKED or NOT_STARTED; or told percent more than 20 points above the real one
 * (only when both percentages are known). Missing report or assessment: no gap.
 */
export function isPerceptionGap(
  report: ToldPicture | null | undefined,
  assessment: RealPicture | null | undefined,
): boolean {
  if (!report || !assessment) return false;
  if (REASSURING.includes(report.toldStatus) && TROUBLED.includes(assessment.actualStatus)) return true;
  const told = report.toldPercentComplete;
  const real = assessment.actualPercentComplete;
  return typeof told === 'number' && typeof real === 'number' && told - real > PERCEPTION_GAP_POINTS;
}
