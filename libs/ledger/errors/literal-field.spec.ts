import { fieldOfLiteral, fieldOfVariable } from './literal-field.js';

/** The field named for the value that starts at the marker `»` (removed before parsing). */
const named = (marked: string): string | undefined => fieldOfLiteral(marked.replace('»', ''), marked.indexOf('»'));

describe('the field of a value written into the document', () => {
  it('is the argument a scalar argument was given for', () => {
    expect(named('{ requirementAsOf(id: "r", asOf: »"yesterday") { revision } }')).toBe('asOf');
  });

  it('is the field within the argument, as a variable refusal names it', () => {
    expect(named('{ auditLog(filter: { projectId: "p", from: »"2026-02-30" }) { edges { cursor } } }')).toBe('from');
  });

  it('names every level of nesting and a place in a list', () => {
    expect(named('mutation { a(input: { when: { from: »"x" } }) }')).toBe('when.from');
    expect(named('mutation { a(input: { dates: ["2026-01-01", »"x"] }) }')).toBe('dates[1]');
    expect(named('mutation { a(dates: [»"x"]) }')).toBe('dates[0]');
  });

  it('names a field within the value (one left out), and a field the input type does not have', () => {
    expect(fieldOfLiteral('mutation { a(input: { name: "x" }) }', 'mutation { a(input: '.length, 'budgetHours')).toBe('budgetHours');
    expect(fieldOfLiteral('mutation { a(input: { when: {} }) }', 'mutation { a(input: { when: '.length, 'from')).toBe('when.from');
    expect(named('mutation { a(input: { name: "x", »colour: 1 }) }')).toBe('colour');
  });

  it('takes any kind of value, and names nothing outside an argument', () => {
    expect(named('{ requirementAsOf(id: "r", asOf: »yesterday) { revision } }')).toBe('asOf');
    expect(named('query Q($d: DateTime = »"x") { a }')).toBeUndefined();
  });
});

describe('the field of a variable', () => {
  it('is the argument or input field it is given for, as a written value there is named', () => {
    expect(fieldOfVariable('query Q($when: DateTime) { requirementAsOf(id: "r", asOf: $when) { revision } }', 'when')).toBe('asOf');
    expect(fieldOfVariable('query Q($f: Int) { a(filter: { from: { day: $f } }, first: 1) }', 'f')).toBe('from.day');
    expect(fieldOfVariable('query Q($f: Int) { a(first: $f) @include(if: true) }', 'f')).toBe('first');
  });

  it('is none where the variable is given in two places, or the document does not parse', () => {
    expect(fieldOfVariable('query Q($f: Int) { a(first: $f) b(last: $f) }', 'f')).toBeUndefined();
    expect(fieldOfVariable('query Q($f: Int) { a(first: $f) b(first: $f) }', 'f')).toBe('first');
    expect(fieldOfVariable('query Q($f: Int) { a(first: ', 'f')).toBeUndefined();
  });
});
