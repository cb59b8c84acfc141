import { readThrough } from './read-through.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute));

describe('the moment the read models are known to reflect', () => {
  it('is now when every projection has applied the head', async () => {
    expect(
      await readThrough(
        async () => 7n,
        () => 7n,
      )(at(1)),
    ).toEqual(at(1));
  });

  it('is none while the projections lag, then the moment noted before the head they have since applied', async () => {
    let head = 7n;
    let applied = 5n;
    const through = readThrough(
      async () => head,
      () => applied,
    );
    expect(await through(at(1))).toBeUndefined();
    head = 9n;
    expect(await through(at(2))).toBeUndefined();
    applied = 8n;
    expect(await through(at(3))).toEqual(at(1));
    expect(await through(at(4))).toEqual(at(1));
    applied = 9n;
    expect(await through(at(5))).toEqual(at(5));
  });
});
