import { ACTUAL_STATUSES, TOLD_STATUSES } from './reporting.events.js';
import { isPerceptionGap } from './reporting.perception.js';

describe('isPerceptionGap', () => {
  it('sees a gap when the customer heard ON_TRACK or DONE while it is really at risk, blocked or not started', () => {
    for (const toldStatus of ['ON_TRACK', 'DONE'] as const) {
      for (const actualStatus of ['AT_RISK', 'BLOCKED', 'NOT_STARTED'] as const) {
        expect(isPerceptionGap({ toldStatus }, { actualStatus })).toBe(true);
      }
    }
  });

  it('sees no gap when the told status does not reassure, or the real state is fine', () => {
    for (const toldStatus of TOLD_STATUSES) {
      for (const actualStatus of ACTUAL_STATUSES) {
        const expected =
          (['ON_TRACK', 'DONE'].includes(toldStatus) && ['AT_RISK', 'BLOCKED', 'NOT_STARTED'].includes(actualStatus)) ||
          (toldStatus === 'DONE' && actualStatus !== 'DONE') ||
          (toldStatus === 'DROPPED') !== (actualStatus === 'DROPPED');
        expect(isPerceptionGap({ toldStatus }, { actualStatus })).toBe(expected);
      }
    }
    expect(isPerceptionGap({ toldStatus: 'AT_RISK' }, { actualStatus: 'BLOCKED' })).toBe(false);
    expect(isPerceptionGap({ toldStatus: 'ON_TRACK' }, { actualStatus: 'DONE' })).toBe(false);
  });

  it('sees a gap when told it goes on while it ended, until told it was dropped', () => {
    for (const toldStatus of ['ON_TRACK', 'AT_RISK', 'LATE', 'DONE'] as const) {
      expect(isPerceptionGap({ toldStatus, toldPercentComplete: 0 }, { actualStatus: 'DROPPED' })).toBe(true);
    }
    expect(isPerceptionGap({ toldStatus: 'DROPPED' }, { actualStatus: 'DROPPED' })).toBe(false);
    expect(isPerceptionGap({ toldStatus: 'DROPPED' }, { actualStatus: 'ON_TRACK', actualPercentComplete: 50 })).toBe(true);
  });

  it('sees a gap when the told percent is more than 20 points above the real one', () => {
    const told = (toldPercentComplete: number) => ({ toldStatus: 'LATE' as const, toldPercentComplete });
    const real = (actualPercentComplete: number) => ({ actualStatus: 'ON_TRACK' as const, actualPercentComplete });
    expect(isPerceptionGap(told(61), real(40))).toBe(true);
    expect(isPerceptionGap(told(100), real(0))).toBe(true);
    expect(isPerceptionGap(told(60), real(40))).toBe(false); // exactly 20 points: no gap
    expect(isPerceptionGap(told(40), real(90))).toBe(false); // told less than real: no gap
  });

  it('compares percentages only when both are known', () => {
    expect(isPerceptionGap({ toldStatus: 'ON_TRACK', toldPercentComplete: 90 }, { actualStatus: 'ON_TRACK' })).toBe(false);
    expect(isPerceptionGap({ toldStatus: 'ON_TRACK' }, { actualStatus: 'ON_TRACK', actualPercentComplete: 10 })).toBe(false);
    expect(
      isPerceptionGap({ toldStatus: 'ON_TRACK', toldPercentComplete: 90 }, { actualStatus: 'ON_TRACK', actualPercentComplete: null }),
    ).toBe(false);
  });

  it('takes NOT_STARTED as 0 % and DONE as 100 % where the assessment states no percentage', () => {
    const told = (toldStatus: 'LATE' | 'AT_RISK', toldPercentComplete: number) => ({ toldStatus, toldPercentComplete });
    expect(isPerceptionGap(told('LATE', 80), { actualStatus: 'NOT_STARTED' })).toBe(true);
    expect(isPerceptionGap(told('AT_RISK', 25), { actualStatus: 'NOT_STARTED', actualPercentComplete: null })).toBe(true);
    expect(isPerceptionGap(told('AT_RISK', 20), { actualStatus: 'NOT_STARTED' })).toBe(false); // 20 points: no gap
    expect(isPerceptionGap(told('LATE', 100), { actualStatus: 'DONE' })).toBe(false);
  });

  it('sees no gap without a report or without an assessment', () => {
    expect(isPerceptionGap(null, { actualStatus: 'BLOCKED' })).toBe(false);
    expect(isPerceptionGap({ toldStatus: 'ON_TRACK' }, undefined)).toBe(false);
  });

  it('sees a gap when told DONE while it is not done, whatever the percentages', () => {
    expect(isPerceptionGap({ toldStatus: 'DONE' }, { actualStatus: 'ON_TRACK' })).toBe(true);
    expect(isPerceptionGap({ toldStatus: 'DONE', toldPercentComplete: 100 }, { actualStatus: 'ON_TRACK', actualPercentComplete: 95 })).toBe(
      true,
    );
    expect(isPerceptionGap({ toldStatus: 'DONE', toldPercentComplete: 100 }, { actualStatus: 'DONE', actualPercentComplete: 100 })).toBe(
      false,
    );
  });

  it('sees a gap when the contact told disputed the report, even when told and assessed agree or nothing is assessed', () => {
    expect(isPerceptionGap({ toldStatus: 'AT_RISK' }, { actualStatus: 'AT_RISK' }, { agrees: false })).toBe(true);
    expect(isPerceptionGap({ toldStatus: 'AT_RISK' }, null, { agrees: false })).toBe(true);
    expect(isPerceptionGap({ toldStatus: 'AT_RISK' }, { actualStatus: 'AT_RISK' }, { agrees: true })).toBe(false);
    expect(isPerceptionGap({ toldStatus: 'ON_TRACK' }, { actualStatus: 'BLOCKED' }, { agrees: true })).toBe(true);
  });
});
