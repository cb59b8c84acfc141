import { REQUEST_OCCASIONS } from '@cf/requests';
import { changesPerEvent } from './entity-changes.js';

describe('changesPerEvent with the sessions events happened in', () => {
  const raised = { type: 'RequestRaised', data: { requestId: 'q', title: 'Export', channel: 'DIRECT', sessionId: 's3', at: 't1' } };
  const confirmed = { type: 'RequestConfirmed', data: { requestId: 'q', via: 'SESSION', sessionId: 's5', at: 't2' } };
  const revised = {
    type: 'RequestRevised',
    data: { requestId: 'q', sessionId: 's5', reason: 'Clarified', changes: [{ field: 'title', from: 'Export', to: 'CSV export' }] },
  };
  const rules = { occasions: REQUEST_OCCASIONS };

  it("shows a confirmation's and a revision's session with that event, never as a change of the session the request was raised in", () => {
    const [, confirmation, revision] = changesPerEvent('request', [raised, confirmed, revised], rules);
    expect(confirmation).toEqual([
      { field: 'via', from: null, to: 'SESSION' },
      { field: 'sessionId', from: null, to: 's5' },
    ]);
    expect(revision).toEqual([
      { field: 'title', from: 'Export', to: 'CSV export' },
      { field: 'sessionId', from: null, to: 's5' },
      { field: 'reason', from: null, to: 'Clarified' },
    ]);
  });

  it('keeps the raise session as the one a later event of the request itself compares with', () => {
    const sameSessionAgain = { type: 'RequestNoted', data: { requestId: 'q', sessionId: 's3' } };
    const changes = changesPerEvent('request', [raised, confirmed, sameSessionAgain], rules);
    expect(changes[2]).toEqual([]); // still s3: the confirmation's s5 was not folded in
  });
});
