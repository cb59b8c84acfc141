import { UnreadableTextPipe } from './unreadable-text.pipe.js';

describe('UnreadableTextPipe', () => {
  const pipe = new UnreadableTextPipe();

  it('refuses a NUL character anywhere in an argument, naming the field', () => {
    expect(() => pipe.transform('abc\u0000', { type: 'custom', data: 'id' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'id' } }),
    );
    expect(() => pipe.transform({ title: 'ok', nested: { notes: ['x', 'y\u0000'] } }, { type: 'body', data: 'input' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'notes' } }),
    );
  });

  it('refuses a lone surrogate, which a store would keep as something else than was sent', () => {
    expect(() => pipe.transform({ name: 'Zo\ud800' }, { type: 'body', data: 'input' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('lone surrogate'), details: { field: 'name' } }),
    );
    expect(() => pipe.transform(['\udc00x'], { type: 'custom', data: 'ids' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'ids' } }),
    );
  });

  it.each([
    ['a bell', 'a\u0007b'],
    ['an escape sequence', 'x\u001b[31mred'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085'],
  ])('refuses %s, naming the field', (_label, title) => {
    expect(() => pipe.transform({ title }, { type: 'body', data: 'input' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('control characters'),
        details: { field: 'title' },
      }),
    );
  });

  it.each([
    ['a right-to-left override', 'Invoice \u202eFDP.exe'],
    ['an embedding', '\u202bx'],
    ['an isolate', 'a\u2067b\u2069'],
  ])('refuses %s, which shows text in another order than it is stored', (_label, summary) => {
    expect(() => pipe.transform({ summary }, { type: 'body', data: 'input' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('bidirectional'), details: { field: 'summary' } }),
    );
  });

  it('passes every other value through unchanged, tabs, line breaks and direction marks in texts included', () => {
    const input = { title: 'Zoë „ja" 🚀 \u200fשלום\u200e', text: 'one\ttwo\r\nthree\n', hours: 3, list: ['a'] };
    expect(pipe.transform(input, { type: 'body', data: 'input' })).toBe(input);
  });
});
