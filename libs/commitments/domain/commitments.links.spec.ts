import { specification } from '@test/decider-specification.js';
import { budgetDecider } from './budget.decide.js';
import { contractApproved, decidedAfter, makeC1, projectId, request, revise } from './commitments.spec-fixtures.js';

const spec = specification(budgetDecider);
const removedR2 = { id: 'R2', projectId, removed: true };
const withdrawnQ1 = { ...request('q-1', true), withdrawn: true };

describe('what a commitment may be linked to and made in', () => {
  it('refuses a removed requirement and a withdrawn request: the promise would read in scope, or as asked for', () => {
    spec
      .given([contractApproved])
      .when(makeC1({ requirementIds: ['R2'], requirements: [removedR2] }))
      .thenThrows('RULE_VIOLATED', 'requirementNotRemoved', 'requirementIds');
    spec
      .given([contractApproved])
      .when(makeC1({ requestIds: ['q-1'], requests: [withdrawnQ1] }))
      .thenThrows('RULE_VIOLATED', 'requestNotWithdrawn', 'requestIds');
  });

  it('refuses a voided session, and one the contact it is made to did not attend', () => {
    spec
      .given([contractApproved])
      .when(makeC1({ sessionId: 's-1', session: { id: 's-1', projectId, voided: true, contactIds: ['c-dora'] } }))
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided', 'sessionId');
    spec
      .given([contractApproved])
      .when(makeC1({ sessionId: 's-1', session: { id: 's-1', projectId, contactIds: ['c-erik'] } }))
      .thenThrows('RULE_VIOLATED', 'madeToAttendedSession', 'sessionId');
  });

  it('refuses a revision that links a removed requirement or a withdrawn request, or keeps one it had', () => {
    const made = decidedAfter(
      [contractApproved],
      makeC1({
        requirementIds: ['R1', 'R2'],
        requirements: [
          { id: 'R1', projectId },
          { id: 'R2', projectId },
        ],
      }),
    );
    spec
      .given(made)
      .when(revise({ requirementIds: ['R1', 'R2'], requirements: [{ id: 'R1', projectId }, removedR2] }))
      .thenThrows('RULE_VIOLATED', 'requirementNotRemoved', 'requirementIds');
    spec
      .given(made)
      .when(revise({ requestIds: ['q-1'], requests: [withdrawnQ1] }))
      .thenThrows('RULE_VIOLATED', 'requestNotWithdrawn', 'requestIds');
    // An estimate alone would clear the suspect mark of the link it keeps to R2, so it must drop it, and is told so.
    const kept = spec
      .given(made)
      .when(revise({ estimateHours: 30, keptRequirements: [{ id: 'R1', projectId }, removedR2], keptRequests: [] }))
      .thenThrows('RULE_VIOLATED', 'requirementNotRemoved', 'requirementIds');
    expect(kept.message).toMatch(/^The commitment still links to requirement R2, removed since: .*send requirementIds without it/);
    const onRequest = decidedAfter(
      [contractApproved],
      makeC1({ requestIds: ['q-1'], requests: [request('q-1', true)], requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] }),
    );
    const keptRequest = spec
      .given(onRequest)
      .when(revise({ estimateHours: 30, keptRequirements: [{ id: 'R1', projectId }], keptRequests: [withdrawnQ1] }))
      .thenThrows('RULE_VIOLATED', 'requestNotWithdrawn', 'requestIds');
    expect(keptRequest.message).toMatch(/^The commitment still links to request q-1, withdrawn since: .*send requestIds without it/);
    // The read models do not hold a link the log has yet: sent again, never left unchecked.
    spec
      .given(made)
      .when(revise({ estimateHours: 30, keptRequirements: [{ id: 'R1', projectId }], keptRequests: [] }))
      .thenThrows('CONFLICT');
    const [dropped] = budgetDecider.decide(
      revise({ estimateHours: 30, requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }], keptRequests: [] }),
      made.reduce(budgetDecider.evolve, budgetDecider.initialState()),
    );
    expect(dropped).toMatchObject({ type: 'CommitmentRevised', data: { requirementIds: ['R1'] } });
  });
});
