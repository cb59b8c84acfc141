import { bareToken } from './bearer-token.js';

describe('a pasted token', () => {
  it('is read from the bare token, a Bearer line or a whole Authorization header line', () => {
    for (const pasted of ['eyJ.a.b', '  Bearer eyJ.a.b ', 'Authorization: Bearer eyJ.a.b', 'authorization:bearer   eyJ.a.b\n']) {
      expect(bareToken(pasted)).toBe('eyJ.a.b');
    }
  });
});
