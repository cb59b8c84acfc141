import { correct, corrected, dev, logged, spec } from './session.correct.spec-fixtures.js';

/**
 * A session counted on another day (moved, made longer, un-voided) is judged there: the developers
 * it names, or else the ones it had, must be members on every day of it (a day after one left is
 * no day they spent with the customer).
 */
describe('CorrectContactSession to another day', () => {
  it('judges a developer it names anew there (on its own day a session keeps them)', () => {
    spec
      .given([logged])
      .when(correct({ date: '2025-03-12', developerIds: ['u-dev'], developers: [null] }))
      .thenThrows('RULE_VIOLATED', 'developerIsMember', 'developerIds');
  });

  it('judges the developers it had there when it names none', () => {
    spec
      .given([logged])
      .when(correct({ date: '2025-03-12', developers: [null] }))
      .thenThrows('RULE_VIOLATED', 'developerIsMember', 'developerIds');
    spec
      .given([logged])
      .when(correct({ date: '2025-03-12', developers: [{ ...dev, role: 'DEVELOPER' }] }))
      .then([corrected({ changes: [{ field: 'date', from: '2025-03-05', to: '2025-03-12' }], date: '2025-03-12' })]);
  });

  it('keeps the developers it had on its own day without judging them again', () => {
    spec
      .given([logged])
      .when(correct({ date: '2025-03-05', days: 1 }))
      .then([corrected({ changes: [{ field: 'days', from: 1.5, to: 1 }], days: 1 })]);
  });

  it('judges the developers it had on every day of it again when it is made longer or counted again', () => {
    spec
      .given([logged])
      .when(correct({ days: 3, developers: [null] }))
      .thenThrows('RULE_VIOLATED', 'developerIsMember', 'developerIds');
    const voided = corrected({ changes: [{ field: 'voided', from: false, to: true }], voided: true });
    spec
      .given([logged, voided])
      .when(correct({ voided: false, developers: [null] }))
      .thenThrows('RULE_VIOLATED', 'developerIsMember', 'developerIds');
    spec
      .given([logged, voided])
      .when(correct({ voided: false, developers: [{ ...dev, role: 'DEVELOPER' }] }))
      .then([corrected({ changes: [{ field: 'voided', from: true, to: false }], voided: false })]);
  });

  it('judges nobody while the session stays voided, nor on a half day more within its last day', () => {
    const voided = corrected({ changes: [{ field: 'voided', from: false, to: true }], voided: true });
    spec
      .given([logged, voided])
      .when(correct({ date: '2025-03-12', developers: [null] }))
      .then([corrected({ changes: [{ field: 'date', from: '2025-03-05', to: '2025-03-12' }], date: '2025-03-12' })]);
    spec
      .given([logged])
      .when(correct({ days: 2, developers: [null] }))
      .then([corrected({ changes: [{ field: 'days', from: 1.5, to: 2 }], days: 2 })]);
  });
});
