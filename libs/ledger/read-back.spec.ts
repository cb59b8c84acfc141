import { DomainError } from '@cf/core';
import { readBack } from './read-back.js';

describe('reading back what a mutation wrote', () => {
  it('answers the row the read model has', () => {
    expect(readBack({ id: 'r1' }, 7n, 'request')).toEqual({ id: 'r1' });
  });

  it.each([undefined, null])('answers NOT_YET_READABLE with the position when the row is %p', (missing) => {
    expect(() => readBack(missing, 42n, 'request')).toThrow(
      expect.objectContaining({ code: 'NOT_YET_READABLE', details: { position: '42' } }),
    );
    expect(() => readBack(missing, 42n, 'request')).toThrow(DomainError);
  });
});
