import { NulCharactersPipe } from './nul-characters.pipe.js';

describe('NulCharactersPipe', () => {
  const pipe = new NulCharactersPipe();

  it('refuses a NUL character anywhere in an argument, naming the field', () => {
    expect(() => pipe.transform('abc\u0000', { type: 'custom', data: 'id' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'id' } }),
    );
    expect(() => pipe.transform({ title: 'ok', nested: { notes: ['x', 'y\u0000'] } }, { type: 'body', data: 'input' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'notes' } }),
    );
  });

  it('passes every other value through unchanged', () => {
    const input = { title: 'Zoë „ja" 🚀', hours: 3, list: ['a'] };
    expect(pipe.transform(input, { type: 'body', data: 'input' })).toBe(input);
  });
});
