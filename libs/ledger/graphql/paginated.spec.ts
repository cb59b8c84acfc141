import { decodeSequenceCursor, encodeCursor } from './paginated.js';

describe('sequence cursors', () => {
  it('reads back the seq a page gave out, and starts at 0 without one', () => {
    expect(decodeSequenceCursor(encodeCursor('12'))).toBe(12);
    expect(decodeSequenceCursor(undefined)).toBe(0);
    expect(decodeSequenceCursor(null)).toBe(0);
  });

  it.each(['0', '-5', '1e1', '0x3', ' 4', '4 ', '+4', '04', '3.5', 'hello', '9007199254740993'])(
    'refuses %j, which no page gave out, naming after',
    (key) => {
      expect(() => decodeSequenceCursor(encodeCursor(key))).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'after' } }),
      );
    },
  );
});
