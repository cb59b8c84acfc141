import { type KeyedInput, inputFingerprint } from './keyed-input.js';

/** Any input, as a mutation's would be: the fingerprint reads every field, not only the key. */
const fingerprintOf = (input: Record<string, unknown>): string => inputFingerprint(input as KeyedInput);

describe('inputFingerprint', () => {
  const id = '01a23f5b-22ec-76da-9a06-a8c68a2f0001';

  it('takes a field sent as null, at any depth, for one left out', () => {
    const sent = { projectId: id, summary: 'Export', dueDate: null, links: [{ note: null, id }], idempotencyKey: 'k' };
    expect(fingerprintOf(sent)).toBe(fingerprintOf({ projectId: id, summary: 'Export', links: [{ id }], idempotencyKey: 'k' }));
  });

  it('tells apart free text that differs in case only, an id written in it too: the pipe lowercases ids, not prose', () => {
    expect(fingerprintOf({ summary: `See ${id.toUpperCase()}` })).not.toBe(fingerprintOf({ summary: `See ${id}` }));
    expect(fingerprintOf({ summary: 'Export' })).not.toBe(fingerprintOf({ summary: 'export' }));
  });

  it('reads a date as the instant it names, never as an empty object', () => {
    expect(fingerprintOf({ dueDate: new Date('2026-03-01T00:00:00Z') })).toBe(fingerprintOf({ dueDate: '2026-03-01T00:00:00.000Z' }));
    expect(fingerprintOf({ dueDate: new Date('2026-03-01T00:00:00Z') })).not.toBe(
      fingerprintOf({ dueDate: new Date('2026-03-02T00:00:00Z') }),
    );
  });

  it('leaves the personal fields it is told of out, named apart, so no hash of a name is kept to test guesses against', () => {
    const contact = (name: string, role = 'END_USER'): KeyedInput =>
      ({ projectId: id, name, email: `${name}@example.com`, role, idempotencyKey: 'k' }) as KeyedInput;
    const personal = ['name', 'email'];
    expect(inputFingerprint(contact('Ada'), personal)).toBe(inputFingerprint(contact('Bea'), personal));
    expect(inputFingerprint(contact('Ada'), personal)).toMatch(/^input-without-personal-data:[0-9a-f]{64}$/);
    expect(inputFingerprint(contact('Ada'), personal)).not.toBe(inputFingerprint(contact('Ada', 'PROXY'), personal));
    expect(inputFingerprint(contact('Ada'))).not.toBe(inputFingerprint(contact('Bea')));
  });
});
