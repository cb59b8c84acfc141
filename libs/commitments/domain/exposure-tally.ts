import type { Draw, Exposure } from './budget.types.js';

/**
 * A running sum of draws, added in the order given: the same sums, to the bit, as shiftExposure one
 * draw at a time, without a copy of the committed hours per draw (a project may hold thousands of
 * commitments). Read it as an Exposure between additions; nothing may keep it across one.
 */
export class ExposureTally implements Exposure {
  outsideHours: number;
  readonly committed: Map<string, number>;

  constructor(start?: Exposure) {
    this.outsideHours = start?.outsideHours ?? 0;
    this.committed = new Map(start?.committed);
  }

  add(draw: Draw): void {
    this.outsideHours += draw.outsideHours;
    for (const [id, hours] of draw.loads) this.committed.set(id, (this.committed.get(id) ?? 0) + hours);
  }

  /** The draw taken back out (a − b is a + −b, so this too matches shiftExposure with sign −1). */
  take(draw: Draw): void {
    this.outsideHours -= draw.outsideHours;
    for (const [id, hours] of draw.loads) this.committed.set(id, (this.committed.get(id) ?? 0) - hours);
  }
}

export const sumOfDraws = (draws: Iterable<Draw>): Exposure => {
  const tally = new ExposureTally();
  for (const draw of draws) tally.add(draw);
  return tally;
};
