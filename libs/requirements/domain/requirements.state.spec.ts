import { evolve, initialState } from './requirements.state.js';
import { P, actor, added, at, later, removed, revised } from './requirements.spec-fixtures.js';

describe('requirement state', () => {
  it('keeps the current values and every revision with reason, author and trigger', () => {
    const state = [added, revised].reduce(evolve, initialState());
    expect(state).toMatchObject({ exists: true, projectId: P, key: 'R1', estimateHours: 48, revision: 2, removed: false });
    expect(state.revisions).toEqual([
      {
        revision: 1,
        title: 'Invoice export',
        text: 'Invoices can be exported as CSV.',
        estimateHours: 40,
        reason: null,
        at,
        by: actor,
        trigger: { kind: 'INTERNAL' },
        changes: [],
      },
      {
        revision: 2,
        title: 'Invoice export',
        text: 'Invoices can be exported as CSV.',
        estimateHours: 48,
        reason: 'Customer wants credit notes too',
        at: later,
        by: actor,
        trigger: { kind: 'SESSION', sessionId: 'session-1' },
        changes: [{ field: 'estimateHours', from: 40, to: 48 }],
      },
    ]);
  });

  it('marks a removed requirement', () => {
    expect([added, removed].reduce(evolve, initialState())).toMatchObject({ removed: true, revision: 2, estimateHours: 40 });
  });
});
