import { characterCount } from './character-count.js';
import { DomainError } from './domain-error.js';
import {
  boundedText,
  calendarDate,
  isCalendarDate,
  nonNegativeNumber,
  oneOf,
  optionalText,
  positiveNumber,
  referencedFact,
  requiredText,
  withoutUndefined,
} from './value-checks.js';
import { nonNegativeHours, positiveHours, roundHours } from './hours.js';

/** The DomainError `run` throws, so its code and details can be asserted. */
const thrown = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

const badInputOn = (field: string) => ({ code: 'BAD_USER_INPUT', details: { field } });

describe('value checks', () => {
  it('requiredText trims, refuses empty or non-text, and keeps to a maximum length', () => {
    expect(requiredText('name', '  Ada ')).toBe('Ada');
    expect(requiredText('name', 'x'.repeat(500))).toHaveLength(500);
    expect(thrown(() => requiredText('name', '   '))).toMatchObject(badInputOn('name'));
    expect(thrown(() => requiredText('name', '\u200b \u2060\ufeff'))).toMatchObject(badInputOn('name'));
    expect(thrown(() => requiredText('name', '\u3164\u2800\u034f\ufe0f'))).toMatchObject(badInputOn('name'));
    expect(requiredText('name', 'Ada\u200bLovelace')).toBe('Ada\u200bLovelace');
    expect(thrown(() => requiredText('name', undefined))).toMatchObject(badInputOn('name'));
    expect(thrown(() => requiredText('name', 42))).toMatchObject(badInputOn('name'));
    expect(requiredText('title', ' abc ', 3)).toBe('abc');
    expect(thrown(() => requiredText('title', 'abcd', 3)).message).toBe('title: must be at most 3 characters');
  });

  it('optionalText trims and turns absent or blank into undefined', () => {
    expect(optionalText('  Acme ')).toBe('Acme');
    expect(optionalText('   ')).toBeUndefined();
    expect(optionalText(null)).toBeUndefined();
    expect(optionalText(undefined)).toBeUndefined();
  });

  it('boundedText keeps text as given, may be empty (white space alone is), and keeps to a maximum length', () => {
    expect(boundedText('text', '', 5)).toBe('');
    expect(boundedText('text', ' a ', 5)).toBe(' a ');
    expect(boundedText('text', '\n\t ', 5)).toBe('');
    expect(thrown(() => boundedText('text', 'abcdef', 5))).toMatchObject(badInputOn('text'));
    expect(thrown(() => boundedText('text', null, 5))).toMatchObject(badInputOn('text'));
  });

  it('nonNegativeNumber accepts zero and more, refuses negatives and non-numbers', () => {
    expect(nonNegativeNumber('budgetHours', 0)).toBe(0);
    expect(nonNegativeNumber('budgetHours', 12.5)).toBe(12.5);
    expect(thrown(() => nonNegativeNumber('budgetHours', -1))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => nonNegativeNumber('budgetHours', Number.NaN))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => nonNegativeNumber('budgetHours', Infinity))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => nonNegativeNumber('budgetHours', '3'))).toMatchObject(badInputOn('budgetHours'));
  });

  it('positiveNumber refuses zero, negatives and non-numbers', () => {
    expect(positiveNumber('estimateHours', 0.5)).toBe(0.5);
    expect(thrown(() => positiveNumber('estimateHours', 0))).toMatchObject(badInputOn('estimateHours'));
    expect(thrown(() => positiveNumber('estimateHours', -2))).toMatchObject(badInputOn('estimateHours'));
    expect(thrown(() => positiveNumber('estimateHours', Number.NaN))).toMatchObject(badInputOn('estimateHours'));
  });

  it('hours are to the hundredth at most: a finer part would be judged where no figure shows it', () => {
    expect(positiveHours('estimateHours', 0.07)).toBe(0.07);
    expect(positiveHours('estimateHours', 0.29)).toBe(0.29);
    expect(positiveHours('estimateHours', 1234.56)).toBe(1234.56);
    expect(nonNegativeHours('budgetHours', 1e6)).toBe(1e6);
    expect(positiveHours('estimateHours', 0.1 + 0.7)).toBe(0.8);
    expect(nonNegativeHours('budgetHours', 9_999_999.99)).toBe(9_999_999.99);
    expect(thrown(() => nonNegativeHours('budgetHours', 1.99999999))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => nonNegativeHours('budgetHours', 19_999.99999999))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => nonNegativeHours('budgetHours', 9_999_999.994))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => positiveHours('estimateHours', 1e-8))).toMatchObject(badInputOn('estimateHours'));
    expect(nonNegativeHours('budgetHours', 0)).toBe(0);
    // Not read as 0: a figure this small was typed, not made by binary fractions.
    expect(thrown(() => nonNegativeHours('budgetHours', 1e-18))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => nonNegativeHours('budgetHours', Number.MIN_VALUE))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => positiveHours('estimateHours', Number.MIN_VALUE))).toMatchObject({
      message: expect.stringContaining('two decimals'),
    });
    expect(thrown(() => positiveHours('estimateHours', 0.001))).toMatchObject(badInputOn('estimateHours'));
    expect(thrown(() => nonNegativeHours('budgetHours', 10.125))).toMatchObject(badInputOn('budgetHours'));
    expect(thrown(() => positiveHours('estimateHours', 0))).toMatchObject(badInputOn('estimateHours'));
  });

  it('isCalendarDate is true only for real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2025-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
  });

  it('calendarDate returns the date or refuses it on the field', () => {
    expect(calendarDate('dueDate', '2025-06-30')).toBe('2025-06-30');
    expect(thrown(() => calendarDate('dueDate', '2025-06-31'))).toMatchObject(badInputOn('dueDate'));
    expect(thrown(() => calendarDate('date', ''))).toMatchObject(badInputOn('date'));
  });

  it('calendarDate refuses a date before 1970, naming the field and the earliest date', () => {
    expect(calendarDate('date', '1970-01-01')).toBe('1970-01-01');
    for (const early of ['1969-12-31', '1899-01-01', '0000-01-01']) {
      const error = thrown(() => calendarDate('date', early));
      expect(error).toMatchObject(badInputOn('date'));
      expect(error.message).toBe(`date: must be 1970-01-01 or later (got ${early})`);
    }
  });

  it('oneOf accepts an allowed value and names the allowed ones otherwise', () => {
    const kinds = ['CALL', 'VISIT'] as const;
    expect(oneOf('kind', 'CALL', kinds)).toBe('CALL');
    const error = thrown(() => oneOf('kind', 'EMAIL', kinds));
    expect(error).toMatchObject(badInputOn('kind'));
    expect(error.message).toBe('kind: must be one of CALL, VISIT');
  });

  describe('referencedFact', () => {
    const contact = { entity: 'Contact', field: 'madeToId' };

    it('returns a fact of the same project', () => {
      const fact = { projectId: 'p1', name: 'Ada' };
      expect(referencedFact(contact, 'c1', fact, 'p1')).toBe(fact);
    });

    it('refuses a missing fact as NOT_FOUND, naming the field', () => {
      for (const missing of [null, undefined]) {
        expect(thrown(() => referencedFact(contact, 'c1', missing, 'p1'))).toMatchObject({
          code: 'NOT_FOUND',
          details: { entity: 'Contact', id: 'c1', field: 'madeToId' },
        });
      }
    });

    it("refuses a fact of another project as an unknown one, naming the field and never the other project's entity", () => {
      const reference = { entity: 'Request', field: 'requestIds' };
      const foreign = thrown(() => referencedFact(reference, 'r1', { projectId: 'p2', title: 'Secret' }, 'p1'));
      const none = thrown(() => referencedFact(reference, 'r1', null, 'p1'));
      expect(foreign).toEqual(none);
      expect(foreign).toMatchObject({ code: 'NOT_FOUND', details: { field: 'requestIds' }, message: 'Request r1 does not exist' });
    });

    it('refuses a forgotten one as <entity>NotForgotten: nothing new may name it', () => {
      const error = thrown(() => referencedFact(contact, 'c1', { projectId: 'p1', forgotten: true }, 'p1'));
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', details: { rule: 'contactNotForgotten', field: 'madeToId' } });
      expect(error.message).toBe('Contact c1 has been forgotten and cannot be named');
      expect(referencedFact(contact, 'c1', { projectId: 'p1', forgotten: false }, 'p1')).toMatchObject({ forgotten: false });
    });
  });

  it('withoutUndefined drops only undefined entries', () => {
    const record = withoutUndefined({ a: 1, b: undefined, c: null, d: '', e: 0 });
    expect(record).toEqual({ a: 1, c: null, d: '', e: 0 });
    expect(Object.keys(record)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('roundHours rounds to two decimals and never gives -0', () => {
    expect(roundHours(0.1 + 0.2)).toBe(0.3);
    expect(roundHours(7.456)).toBe(7.46);
    expect(roundHours(2)).toBe(2);
    expect(Object.is(roundHours(-0.001), 0)).toBe(true);
    expect(Object.is(roundHours(-0), 0)).toBe(true);
    expect(roundHours(-1.234)).toBe(-1.23);
  });

  it('roundHours rounds half a cent up whatever binary noise its additions left, so any order of a sum shows the same cents', () => {
    // 1.005 h is 100.49999… cents in binary, 0.285 h 28.4999…, 8.345 h 834.50…01: each is half a cent, and rounds up.
    expect([roundHours(1.005), roundHours(0.285), roundHours(8.345), roundHours(1.255)]).toEqual([1.01, 0.29, 8.35, 1.26]);
    expect([roundHours(-0.005), roundHours(-1.005), roundHours(1.0049)]).toEqual([0, -1, 1]);
  });
});

describe('characterCount', () => {
  it('counts an emoji beyond the Basic Multilingual Plane as one character, and a lone surrogate as one', () => {
    expect(characterCount('😀'.repeat(200))).toBe(200);
    expect(characterCount('a\uD83D')).toBe(2);
    expect(requiredText('title', '😀'.repeat(200), 200)).toBe('😀'.repeat(200));
    expect(thrown(() => requiredText('title', '😀'.repeat(201), 200)).details).toMatchObject({ field: 'title' });
    expect(thrown(() => boundedText('text', 'é😀'.repeat(11), 21)).message).toContain('at most 21 characters');
  });
});
