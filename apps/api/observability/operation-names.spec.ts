import { OperationNames, loggedOperationName } from './operation-names.js';

describe('OperationNames', () => {
  it('keeps the first 200 names, then labels every new one "other"', () => {
    const names = new OperationNames();
    for (let i = 0; i < 200; i++) expect(names.label(`Op${i}`)).toBe(`Op${i}`);
    expect(names.label('OneTooMany')).toBe('other');
    expect(names.label('Op7')).toBe('Op7');
  });

  it('labels an unnamed operation "anonymous" and a very long name "other"', () => {
    const names = new OperationNames();
    expect(names.label(undefined)).toBe('anonymous');
    expect(names.label('N'.repeat(65))).toBe('other');
  });

  it('logs every operation under the name it was sent with, however many names came before, a very long one cut short', () => {
    expect(loggedOperationName('Op201')).toBe('Op201');
    expect(loggedOperationName(undefined)).toBe('anonymous');
    expect(loggedOperationName('N'.repeat(300))).toBe(`${'N'.repeat(200)}…`);
  });
});
