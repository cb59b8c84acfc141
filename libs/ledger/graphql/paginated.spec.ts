import { decodeSequenceCursor, encodeCursor, sequenceKey } from './paginated.js';

describe('sequence cursors', () => {
  const list = 'requests of p1';

  it('reads back the seq a page of the list gave out, and starts at 0 without one', () => {
    expect(decodeSequenceCursor(encodeCursor(sequenceKey(list, 12)), list)).toBe(12);
    expect(decodeSequenceCursor(undefined, list)).toBe(0);
    expect(decodeSequenceCursor(null, list)).toBe(0);
  });

  it.each(['0', '-5', '1e1', '0x3', ' 4', '4 ', '+4', '04', '3.5', 'hello', '9007199254740993'])(
    'refuses %j after the list, which no page gave out, naming after',
    (seq) => {
      expect(() => decodeSequenceCursor(encodeCursor(sequenceKey(list, seq)), list)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { field: 'after' },
          message: 'after: is not a cursor this API gave out',
        }),
      );
    },
  );

  it("refuses another list's or another project's cursor, and a bare position, instead of reading it as a place in this list", () => {
    for (const other of [sequenceKey('commitments of p1', 12), sequenceKey('requests of p2', 12), sequenceKey('projects', 12)]) {
      expect(() => decodeSequenceCursor(encodeCursor(other), list)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { field: 'after' },
          message: `after: is a cursor of another list than ${list}`,
        }),
      );
    }
    expect(() => decodeSequenceCursor(encodeCursor('12'), list)).toThrow(expect.objectContaining({ details: { field: 'after' } }));
  });
});
