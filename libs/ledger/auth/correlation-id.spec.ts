import { correlationIdOf } from './correlation-id.js';

describe('correlationIdOf', () => {
  it("takes the caller's x-correlation-id and keeps it on the request", () => {
    const request = { headers: { 'x-correlation-id': 'trace-42' } };
    expect(correlationIdOf(request)).toBe('trace-42');
    request.headers['x-correlation-id'] = 'changed';
    expect(correlationIdOf(request)).toBe('trace-42');
  });

  it('makes a new id when there is none, or it is not printable ASCII up to 100 characters', () => {
    for (const given of [undefined, '', 'with space', 'x'.repeat(101), 'line\nbreak']) {
      const id = correlationIdOf({ headers: { 'x-correlation-id': given } });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
