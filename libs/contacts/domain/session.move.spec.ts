import { correct, corrected, dev, logged, spec } from './session.correct.spec-fixtures.js';

/**
 * A session moved to another day is judged there: the developers it names, or else the ones it
 * had, must be members on that day (a day after one left is no day they spent with the customer).
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
});
