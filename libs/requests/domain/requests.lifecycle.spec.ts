import { requestsDecider } from './requests.decide.js';
import {
  P,
  later,
  raised,
  resolve,
  resolved,
  respond,
  responded,
  revise,
  session,
  spec,
  withdraw,
  withdrawn,
} from './requests.spec-fixtures.js';

describe('ReviseRequest', () => {
  it('records what changed, why and the new revision', () => {
    spec
      .given([raised, responded])
      .when(
        revise({
          title: 'Export invoices and credit notes as CSV',
          description: raised.data.description,
          sessionId: 'session-2',
          session,
        }),
      )
      .then([
        {
          type: 'RequestRevised',
          data: {
            requestId: 'req-1',
            projectId: P,
            revision: 3,
            changes: [{ field: 'title', from: 'Export invoices as CSV', to: 'Export invoices and credit notes as CSV' }],
            reason: 'Customer clarified',
            sessionId: 'session-2',
            at: later,
          },
        },
      ]);
  });

  it('is reworded only in a session one who asked for it attended, whatever its date', () => {
    const elsewhere = { ...session, date: '2020-01-06', contactIds: ['contact-3'] };
    spec
      .given([raised])
      .when(revise({ title: 'CSV', sessionId: 'session-2', session: elsewhere }))
      .thenThrows('RULE_VIOLATED', 'requesterAttendedSession', 'sessionId');
    const state = requestsDecider.evolve(requestsDecider.initialState(), raised);
    const [event] = requestsDecider.decide(
      revise({ title: 'CSV', sessionId: 'session-2', session: { ...session, date: '2020-01-06' } }),
      state,
    );
    expect(event.data).toMatchObject({ sessionId: 'session-2' });
  });

  it('revises the description alone', () => {
    spec
      .given([raised])
      .when(revise({ description: 'Also credit notes.' }))
      .then([
        {
          type: 'RequestRevised',
          data: {
            requestId: 'req-1',
            projectId: P,
            revision: 2,
            changes: [{ field: 'description', from: raised.data.description, to: 'Also credit notes.' }],
            reason: 'Customer clarified',
            at: later,
          },
        },
      ]);
  });

  it('refuses a revision that changes nothing', () => {
    const error = spec
      .given([raised])
      .when(revise({ title: raised.data.title }))
      .thenThrows('BAD_USER_INPUT');
    expect(error.details.field).toBe('title');
  });

  it.each([
    ['an empty reason', { title: 'New', reason: '' }, 'reason'],
    ['an empty title', { title: ' ' }, 'title'],
    ['a too long description', { description: 'x'.repeat(20001) }, 'description'],
  ])('refuses %s', (_name, overrides, field) => {
    expect(spec.given([raised]).when(revise(overrides)).thenThrows('BAD_USER_INPUT').details.field).toBe(field);
  });

  it('checks the session it names', () => {
    spec
      .given([raised])
      .when(revise({ title: 'New', sessionId: 'session-9', session: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([raised])
      .when(revise({ title: 'New', sessionId: 'session-9', session: { id: 'session-9', projectId: 'other' } }))
      .thenThrows('NOT_FOUND');
    spec
      .given([raised])
      .when(revise({ title: 'New', sessionId: 'session-9', session: { id: 'session-9', projectId: P, voided: true } }))
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided', 'sessionId');
  });

  it('reports a request that does not exist', () => {
    spec
      .given([])
      .when(revise({ title: 'New' }))
      .thenThrows('NOT_FOUND');
  });
});

describe('WithdrawRequest and ResolveRequest', () => {
  it('withdraws an open or answered request', () => {
    spec.given([raised]).when(withdraw()).then([withdrawn]);
    spec.given([raised, responded]).when(withdraw()).then([withdrawn]);
  });

  it('resolves an answered request, never one no one answered', () => {
    spec.given([raised, responded]).when(resolve()).then([resolved]);
    spec.given([raised]).when(resolve()).thenThrows('RULE_VIOLATED', 'answeredBeforeResolved');
  });

  it('requires a reason and a resolution', () => {
    expect(spec.given([raised]).when(withdraw(' ')).thenThrows('BAD_USER_INPUT').details.field).toBe('reason');
    expect(spec.given([raised, responded]).when(resolve('')).thenThrows('BAD_USER_INPUT').details.field).toBe('resolution');
  });

  it('reports a request that does not exist', () => {
    spec.given([]).when(withdraw()).thenThrows('NOT_FOUND');
    spec.given([]).when(resolve()).thenThrows('NOT_FOUND');
  });

  it.each([
    ['resolved', resolved],
    ['withdrawn', withdrawn],
  ])('allows nothing once %s', (_name, final) => {
    for (const command of [respond(), revise({ title: 'New' }), withdraw(), resolve()]) {
      spec.given([raised, final]).when(command).thenThrows('RULE_VIOLATED', 'finalState', 'requestId');
    }
  });
});
