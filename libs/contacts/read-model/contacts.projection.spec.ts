import { projectionSpecification } from '@test/projection-specification.js';
import { contactsProjection } from './contacts.projection.js';

const logged = {
  stream: 'session-s1',
  type: 'ContactSessionLogged',
  data: {
    sessionId: 's1',
    projectId: 'p1',
    date: '2026-03-02',
    days: 1,
    kind: 'ON_SITE',
    developers: [
      { userId: 'dev-1', name: 'Dev One' },
      { userId: 'dev-2', name: 'Dev Two' },
    ],
    contactIds: ['k1'],
    at: '2026-03-02T18:00:00.000Z',
  },
};
const corrected = {
  stream: 'session-s1',
  type: 'ContactSessionCorrected',
  data: {
    sessionId: 's1',
    projectId: 'p1',
    reason: 'Only one of us went',
    changes: [
      { field: 'developerIds', from: ['dev-1', 'dev-2'], to: ['dev-2'] },
      { field: 'days', from: 1, to: 0.5 },
    ],
    developers: [{ userId: 'dev-2', name: 'Dev Two' }],
    days: 0.5,
    at: '2026-03-03T09:00:00.000Z',
  },
};

describe('the contacts projection', () => {
  it("replaces a session's developers with the corrected list and keeps the contacts it did not change, across pages", () =>
    projectionSpecification(contactsProjection)
      .given([logged])
      .when([corrected])
      .then({
        contact_sessions: [
          {
            id: 's1',
            project_id: 'p1',
            date: '2026-03-02',
            days: 0.5,
            kind: 'ON_SITE',
            notes: null,
            voided: 0,
            logged_at: '2026-03-02T18:00:00.000Z',
            seq: 1,
          },
        ],
        session_developers: [{ session_id: 's1', user_id: 'dev-2', name: 'Dev Two' }],
        session_contacts: [{ session_id: 's1', contact_id: 'k1' }],
      }));

  it('does the same within one page', () =>
    projectionSpecification(contactsProjection)
      .given([])
      .when([logged, corrected])
      .then({
        session_developers: [{ session_id: 's1', user_id: 'dev-2', name: 'Dev Two' }],
      }));
});
