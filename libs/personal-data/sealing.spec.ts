import { randomBytes } from 'node:crypto';
import { FORGOTTEN } from '@cf/core';
import { forgetFields, sealFields, sealText, subjectsIn, unsealDeep, unsealText } from './sealing.js';

const alice = '01900000-0000-7000-8000-0000000000a1';
const bob = '01900000-0000-7000-8000-0000000000b0';
const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('sealing personal data', () => {
  it('seals to a token that names the subject and hides the text', () => {
    const token = sealText(keyA, alice, 'Alice Anders');
    expect(token).toMatch(new RegExp(`^enc:v1:${alice}:[A-Za-z0-9_-]+$`));
    expect(token).not.toContain('Alice');
    expect(sealText(keyA, alice, 'Alice Anders')).not.toBe(token);
  });

  it('unseals tokens standing alone and inside sentences, and [forgotten] without the key', () => {
    const a = sealText(keyA, alice, 'Alice Anders');
    const b = sealText(keyB, bob, 'Bob Bauer');
    const sentence = `Not asked first-hand by anyone who could approve scope (asked by ${a}, ${b}).`;
    expect(
      unsealText(
        sentence,
        new Map([
          [alice, keyA],
          [bob, keyB],
        ]),
      ),
    ).toBe('Not asked first-hand by anyone who could approve scope (asked by Alice Anders, Bob Bauer).');
    expect(unsealText(sentence, new Map([[alice, keyA]]))).toBe(
      `Not asked first-hand by anyone who could approve scope (asked by Alice Anders, ${FORGOTTEN}).`,
    );
    expect(unsealText(sealText(keyA, alice, ''), new Map([[alice, keyA]]))).toBe('');
  });

  it('leaves a token that does not open (altered, or moved to another subject) as it is', () => {
    const token = sealText(keyA, alice, 'Alice Anders');
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(unsealText(altered, new Map([[alice, keyA]]))).toBe(altered);
    const moved = token.replace(alice, bob);
    expect(unsealText(moved, new Map([[bob, keyA]]))).toBe(moved);
  });

  it('finds and unseals every string of a nested value', () => {
    const value = {
      data: { contact: { name: sealText(keyA, alice, 'Alice'), tags: [sealText(keyB, bob, 'Bob'), 3, null] } },
      errors: [{ message: 'plain' }],
    };
    expect([...subjectsIn(value)].sort()).toEqual([alice, bob]);
    expect(unsealDeep(value, new Map([[alice, keyA]]))).toEqual({
      data: { contact: { name: 'Alice', tags: [FORGOTTEN, 3, null] } },
      errors: [{ message: 'plain' }],
    });
  });

  it('seals only the named string fields of events', () => {
    const [sealed] = sealFields(
      [{ type: 'ContactRegistered', data: { name: 'Alice', email: 'a@x.example', department: 'Claims', canApproveScope: true } }],
      ['name', 'email', 'canApproveScope'],
      keyA,
      alice,
    );
    expect(sealed.data.department).toBe('Claims');
    expect(sealed.data.canApproveScope).toBe(true);
    expect(unsealDeep(sealed.data, new Map([[alice, keyA]]))).toEqual({
      name: 'Alice',
      email: 'a@x.example',
      department: 'Claims',
      canApproveScope: true,
    });
    expect(JSON.stringify(sealed)).not.toContain('Alice');
  });

  it('seals a string inside an object by its path, and leaves a path that leads nowhere alone', () => {
    const event = { type: 'StatusAcknowledged', data: { acknowledgedBy: { userId: 'zeb', name: 'Zeb Login' }, agrees: false } };
    const [sealed] = sealFields([event], ['acknowledgedBy.name', 'missing.name', 'agrees.name'], keyA, alice);
    expect(sealed.data).toEqual({ acknowledgedBy: { userId: 'zeb', name: expect.stringMatching(/^enc:v1:/) }, agrees: false });
    expect(unsealDeep(sealed.data, new Map([[alice, keyA]]))).toEqual(event.data);
    expect(event.data.acknowledgedBy.name).toBe('Zeb Login'); // the decided event is not changed in place
    const [forgotten] = forgetFields([event], ['acknowledgedBy.name']);
    expect(forgotten.data.acknowledgedBy).toEqual({ userId: 'zeb', name: FORGOTTEN });
  });
});
