import type { Event } from './requests.events.js';
import { evolve, initialState } from './requests.state.js';
import { P, actor, at, later, raised, resolved, responded, withdrawn } from './requests.spec-fixtures.js';

describe('request state', () => {
  const fold = (events: Event[]) => events.reduce(evolve, initialState());

  it('starts empty', () => {
    expect(initialState()).toMatchObject({ exists: false, revision: 0, status: null, responses: [] });
  });

  it('follows the lifecycle and counts revisions', () => {
    const revised: Event = {
      type: 'RequestRevised',
      data: {
        requestId: 'req-1',
        projectId: P,
        revision: 3,
        changes: [{ field: 'title', from: raised.data.title, to: 'CSV export' }],
        reason: 'r',
        at: later,
      },
    };
    expect(fold([raised])).toMatchObject({
      exists: true,
      status: 'OPEN',
      revision: 1,
      projectId: P,
      kind: 'FEATURE',
      channel: 'DIRECT',
      requestedById: 'contact-1',
      relayedById: null,
      sessionId: 'session-1',
      requirementIds: ['requirement-1'],
      raisedAt: at,
    });
    const answered = fold([raised, responded, revised]);
    expect(answered).toMatchObject({ status: 'ANSWERED', revision: 3, title: 'CSV export', description: raised.data.description });
    expect(answered.responses).toEqual([{ stance: 'CLARIFY', message: 'Which columns?', respondedBy: actor, at: later }]);
    expect(fold([raised, responded, resolved])).toMatchObject({ status: 'RESOLVED', revision: 3 });
    expect(fold([raised, withdrawn])).toMatchObject({ status: 'WITHDRAWN', revision: 2 });
  });
});
