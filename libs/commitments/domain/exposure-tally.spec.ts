import { type Exposure, NO_EXPOSURE, drawOf, exposureOf, remainingAfter, remainingOf, shiftExposure } from './budget.js';
import { ExposureTally, sumOfDraws } from './exposure-tally.js';

const contract = {
  baselineId: 'b-1',
  requirements: [
    { requirementId: 'R1', estimateHours: 40 },
    { requirementId: 'R2', estimateHours: 30 },
  ],
};

describe('sums of draws', () => {
  // Decimal hours that do not add up exactly in binary: any change in the order or kind of the additions shows.
  const drawn = Array.from({ length: 60 }, (_, i) => ({
    estimateHours: 1 / 3 + (i % 7) * 0.3 + (i % 11) * 0.01,
    requirementIds: i % 3 === 0 ? [] : [`R${1 + (i % 2)}`, 'R9'],
  }));
  const draws = drawn.map((c) => drawOf(c, contract));
  const oneByOne = (sign: 1 | -1, start: Exposure = NO_EXPOSURE) => draws.reduce((e, d) => shiftExposure(e, d, sign), start);
  const asPlain = (e: Exposure) => ({ outsideHours: e.outsideHours, committed: [...e.committed] });

  it('adds up to the bit what adding one draw at a time gives, in the same order', () => {
    expect(asPlain(sumOfDraws(draws))).toEqual(asPlain(oneByOne(1)));
    expect(asPlain(exposureOf(drawn, contract))).toEqual(asPlain(oneByOne(1)));
  });

  it('reads the reserve left after a draw to the bit as on the exposure shifted by it, new requirements and all', () => {
    let exposure: Exposure = NO_EXPOSURE;
    for (const draw of draws) {
      expect(remainingAfter(100.07, contract, exposure, draw)).toBe(remainingOf(100.07, contract, shiftExposure(exposure, draw, 1)));
      exposure = shiftExposure(exposure, draw, 1);
    }
  });

  it('takes draws back to the bit as shifting them out does, and leaves the exposure it started from as it was', () => {
    const start = oneByOne(1);
    const before = asPlain(start);
    const tally = new ExposureTally(start);
    for (const draw of draws) tally.take(draw);
    expect(asPlain(tally)).toEqual(asPlain(oneByOne(-1, start)));
    expect(asPlain(start)).toEqual(before);
  });
});
