import { diffFields } from '@cf/core';

describe('diffFields', () => {
  const before = { title: 'Login', text: 'Users log in', estimateHours: 8 };

  it('lists only the fields that changed, in the order asked', () => {
    expect(diffFields(before, { estimateHours: 12, title: 'Sign in', text: 'Users log in' }, ['title', 'text', 'estimateHours'])).toEqual([
      { field: 'title', from: 'Login', to: 'Sign in' },
      { field: 'estimateHours', from: 8, to: 12 },
    ]);
  });

  it('returns nothing when nothing changed', () => {
    expect(diffFields(before, { ...before }, ['title', 'text', 'estimateHours'])).toEqual([]);
  });

  it('treats a field missing from after as not given', () => {
    expect(diffFields(before, { title: undefined, text: 'New text' }, ['title', 'text', 'estimateHours'])).toEqual([
      { field: 'text', from: 'Users log in', to: 'New text' },
    ]);
  });

  it('ignores fields it was not asked about', () => {
    expect(diffFields(before, { title: 'Other', key: 'R2' }, ['text'])).toEqual([]);
  });

  it('reports a value that appears, and distinguishes 0 from an empty string', () => {
    expect(diffFields({ a: 0 }, { a: '', b: 'x' }, ['a', 'b'])).toEqual([
      { field: 'a', from: 0, to: '' },
      { field: 'b', from: undefined, to: 'x' },
    ]);
  });

  it('compares plain data by value', () => {
    expect(diffFields({ tags: ['a'] }, { tags: ['a'] }, ['tags'])).toEqual([]);
    expect(diffFields({ tags: ['a'] }, { tags: ['b'] }, ['tags'])).toEqual([{ field: 'tags', from: ['a'], to: ['b'] }]);
  });
});
