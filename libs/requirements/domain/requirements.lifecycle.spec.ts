import { add, added, remove, removed, request, revise, revised, session, spec } from './requirements.spec-fixtures.js';

describe('ReviseRequirement', () => {
  it('records the new full values, the changed fields, the reason and the trigger', () => {
    spec
      .given([added])
      .when(revise({ estimateHours: 48, title: 'Invoice export', ...session }))
      .then([revised]);
  });

  it('numbers revisions one after another', () => {
    spec
      .given([added, revised])
      .when(revise({ title: 'Invoice and credit note export', text: 'Both as CSV.', ...request }))
      .then([
        {
          type: 'RequirementRevised',
          data: {
            ...revised.data,
            revision: 3,
            title: 'Invoice and credit note export',
            text: 'Both as CSV.',
            changes: [
              { field: 'title', from: 'Invoice export', to: 'Invoice and credit note export' },
              { field: 'text', from: 'Invoices can be exported as CSV.', to: 'Both as CSV.' },
            ],
            trigger: { kind: 'REQUEST', requestId: 'req-1', channel: 'PROXY' },
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing', () => {
    const error = spec
      .given([added])
      .when(revise({ title: 'Invoice export', estimateHours: 40 }))
      .thenThrows('BAD_USER_INPUT');
    expect(error.details.field).toBe('title');
    expect(spec.given([added]).when(revise()).thenThrows('BAD_USER_INPUT').details.field).toBe('input'); // none given: no field of it is at fault
  });

  it.each([
    ['an empty reason', { reason: ' ', estimateHours: 1 }, 'reason'],
    ['negative hours', { estimateHours: -1 }, 'estimateHours'],
    ['an empty title', { title: '' }, 'title'],
    ['a too long text', { text: 'x'.repeat(20001) }, 'text'],
    ['an empty text', { text: '' }, 'text'],
    ['a text of white space only', { text: ' \n ' }, 'text'],
  ])('refuses %s', (_name, overrides, field) => {
    expect(spec.given([added]).when(revise(overrides)).thenThrows('BAD_USER_INPUT').details.field).toBe(field);
  });

  it('checks the trigger against the requirement project', () => {
    spec
      .given([added])
      .when(revise({ estimateHours: 1, requestId: 'req-9', request: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([added])
      .when(revise({ estimateHours: 1, sessionId: 'session-2', session: { id: 'session-2', projectId: 'other' } }))
      .thenThrows('NOT_FOUND');
  });

  it('reports a requirement that does not exist', () => {
    expect(
      spec
        .given([])
        .when(revise({ estimateHours: 1 }))
        .thenThrows('NOT_FOUND').details,
    ).toEqual({ entity: 'Requirement', id: 'requirement-1' });
  });
});

describe('RemoveRequirement', () => {
  it('removes a live requirement with its reason', () => {
    spec.given([added]).when(remove()).then([removed]);
    spec
      .given([added, revised])
      .when(remove())
      .then([{ type: 'RequirementRemoved', data: { ...removed.data, revision: 3 } }]);
  });

  it('requires a reason', () => {
    expect(spec.given([added]).when(remove('')).thenThrows('BAD_USER_INPUT').details.field).toBe('reason');
  });

  it('reports a requirement that does not exist', () => {
    spec.given([]).when(remove()).thenThrows('NOT_FOUND');
  });

  it('records what triggered a removal, as for a revision', () => {
    spec
      .given([added])
      .when(remove('Replaced after the workshop', { ...request, ...session }))
      .then([
        {
          type: 'RequirementRemoved',
          data: {
            ...removed.data,
            reason: 'Replaced after the workshop',
            trigger: { kind: 'SESSION', sessionId: 'session-1', requestId: 'req-1' },
          },
        },
      ]);
    spec
      .given([added])
      .when(remove('Customer withdrew it', request))
      .then([
        {
          type: 'RequirementRemoved',
          data: { ...removed.data, reason: 'Customer withdrew it', trigger: { kind: 'REQUEST', requestId: 'req-1', channel: 'PROXY' } },
        },
      ]);
  });

  it('allows nothing once removed', () => {
    for (const command of [revise({ estimateHours: 1 }), remove(), add()]) {
      const rule = command.type === 'AddRequirement' ? 'requirementKeyUnique' : 'finalState';
      spec.given([added, removed]).when(command).thenThrows('RULE_VIOLATED', rule);
    }
  });
});
