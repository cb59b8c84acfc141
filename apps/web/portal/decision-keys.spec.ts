import { DecisionKeys } from './decision-keys.js';

describe('the idempotency keys of the decisions sent from the page', () => {
  it('sends one decision with one key until it is answered, and another decision with another', () => {
    const keys = new DecisionKeys();
    const first = keys.keyOf('c1 approve Fine');
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.keyOf('c1 approve Fine')).toBe(first);
    expect(new Set([first, keys.keyOf('c1 approve Fine, by me'), keys.keyOf('c1 reject Fine'), keys.keyOf('c2 approve Fine')]).size).toBe(
      4,
    );
    keys.answered('c1 approve Fine');
    expect(keys.keyOf('c1 approve Fine')).not.toBe(first);
  });
});
