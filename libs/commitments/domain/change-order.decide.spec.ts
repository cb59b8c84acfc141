import { specification } from '@test/decider-specification.js';
import { budgetDecider } from './budget.decide.js';
import type { ReviseCommitment } from './commitments.commands.js';
import type { CommitmentRevised } from './commitments.events.js';
import {
  budgetChanged,
  changeOrder,
  decided,
  decidedAfter,
  developer,
  dora,
  pat,
  projectId,
  revise,
  workedExample,
} from './commitments.spec-fixtures.js';

const spec = specification(budgetDecider);

describe('ChangeBudget: change orders on the budget stream', () => {
  it('moves the budget with a reason, from the opening budget or the latest change order', () => {
    spec
      .given([])
      .when(changeOrder())
      .then([budgetChanged(100, 120, { reason: 'Change order 7' })]);
    spec
      .given([budgetChanged(100, 120)])
      .when(changeOrder({ budgetHours: 0, reason: 'Cut' }))
      .then([budgetChanged(120, 0, { reason: 'Cut' })]);
  });

  it('covers commitments when a contact who can approve scope countersigns', () => {
    spec
      .given(workedExample())
      .when(changeOrder({ budgetHours: 106, coversCommitmentIds: ['C3'], countersignedById: dora.id, countersignedBy: dora }))
      .then([budgetChanged(100, 106, { reason: 'Change order 7', coversCommitmentIds: ['C3'], countersignedById: 'c-dora' })]);
  });

  it('may cover commitments within the budget as it is, but otherwise must move it', () => {
    spec
      .given(workedExample())
      .when(changeOrder({ budgetHours: 100, coversCommitmentIds: ['C2'], countersignedById: dora.id, countersignedBy: dora }))
      .then([budgetChanged(100, 100, { reason: 'Change order 7', coversCommitmentIds: ['C2'], countersignedById: 'c-dora' })]);
    const error = spec
      .given([])
      .when(changeOrder({ budgetHours: 100 }))
      .thenThrows('BAD_USER_INPUT');
    expect(error.details.field).toBe('budgetHours');
    expect(error.message).toBe(
      'budgetHours: the budget is already 100 hours: give another figure, or commitments for the change order to cover',
    );
  });

  it('refuses to cover without a countersignature (BAD_USER_INPUT) or with one who may not approve scope (RULE_VIOLATED)', () => {
    expect(
      spec
        .given(workedExample())
        .when(changeOrder({ coversCommitmentIds: ['C3'] }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('countersignedById');
    spec
      .given(workedExample())
      .when(changeOrder({ coversCommitmentIds: ['C3'], countersignedById: pat.id, countersignedBy: pat }))
      .thenThrows('RULE_VIOLATED', 'countersignerCanApproveScope');
    spec
      .given(workedExample())
      .when(changeOrder({ countersignedById: 'c-x', countersignedBy: null }))
      .thenThrows('NOT_FOUND');
  });

  it('covers only commitments of the project that are still active', () => {
    const covering = (ids: string[]) => changeOrder({ coversCommitmentIds: ids, countersignedById: dora.id, countersignedBy: dora });
    expect(
      spec
        .given(workedExample())
        .when(covering(['C9']))
        .thenThrows('NOT_FOUND').details,
    ).toMatchObject({ entity: 'Commitment', id: 'C9', field: 'coversCommitmentIds' });
    const elsewhere = spec
      .given(workedExample())
      .when({ ...covering(['C3', 'X1']), covered: [{ id: 'X1', projectId: 'p-other' }] })
      .thenThrows('NOT_FOUND');
    expect(elsewhere.details.field).toBe('coversCommitmentIds');
    expect(
      spec
        .given([...workedExample(), decided('CommitmentWithdrawn', 'C3')])
        .when(covering(['C3']))
        .thenThrows('RULE_VIOLATED', 'coversActiveCommitments', 'coversCommitmentIds').details.field,
    ).toBe('coversCommitmentIds');
    spec
      .given(workedExample())
      .when(covering(['C3', 'C3']))
      .thenThrows('BAD_USER_INPUT');
  });

  it('covers a commitment once while its cover stands; after a raise ended it, again', () => {
    const covering = changeOrder({ budgetHours: 106, coversCommitmentIds: ['C3'], countersignedById: dora.id, countersignedBy: dora });
    const covered = decidedAfter(workedExample(), covering);
    expect(spec.given(covered).when(covering).thenThrows('RULE_VIOLATED', 'coversUncoveredCommitments').details.field).toBe(
      'coversCommitmentIds',
    );
    const raised = decidedAfter(covered, revise({ commitmentId: 'C3', estimateHours: 20 }));
    spec
      .given(raised)
      .when({ ...covering, budgetHours: 110 })
      .then([budgetChanged(106, 110, { reason: 'Change order 7', coversCommitmentIds: ['C3'], countersignedById: 'c-dora' })]);
  });

  it('pays for a commitment as it was countersigned: a trim keeps the cover, more hours or other requirements end it', () => {
    const covered = decidedAfter(
      workedExample(),
      changeOrder({ budgetHours: 106, coversCommitmentIds: ['C3'], countersignedById: dora.id, countersignedBy: dora }),
    );
    const byDeveloper = (change: Partial<ReviseCommitment>) =>
      (
        decidedAfter(covered, revise({ commitmentId: 'C3', actor: developer, reviserRole: 'DEVELOPER', madeTo: pat, ...change })).at(
          -1,
        ) as CommitmentRevised
      ).data;
    const trimmed = byDeveloper({ estimateHours: 10 });
    expect(trimmed.endsCover).toBeUndefined();
    expect(byDeveloper({ dueDate: '2025-05-01' }).endsCover).toBeUndefined();
    // Other requirements can draw more too (a smaller requirement overruns sooner): as an approval, the cover ends.
    expect(byDeveloper({ requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] }).endsCover).toBe(true);
    // Made 6 h outside the budget: a trim keeps that history.
    expect(trimmed.atDecision).toBeUndefined();
    // C2's 20 h and its own 16 h fill the reserve of 36 h the change order made: the 14 h the raise adds find none.
    const raised = byDeveloper({ estimateHours: 30 });
    expect(raised.endsCover).toBe(true);
    expect(raised.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 14 });
    expect(raised.status).toBe('PENDING_APPROVAL');
  });

  it("refuses a stale project revision: the project's own events and its change orders and baselines count", () => {
    const error = spec
      .given([budgetChanged(100, 120)])
      .when(changeOrder({ budgetHours: 90, expectedRevision: 2 }))
      .thenThrows('CONFLICT');
    expect(error.details).toMatchObject({ currentRevision: 3 });
    spec
      .given([budgetChanged(100, 120)])
      .when(changeOrder({ budgetHours: 90, expectedRevision: 3 }))
      .then([budgetChanged(120, 90, { reason: 'Change order 7' })]);
  });

  it('refuses a revision past the current one as a slip of the sender, naming the field, not as a change by someone else', () => {
    const error = spec
      .given([budgetChanged(100, 120)])
      .when(changeOrder({ budgetHours: 90, expectedRevision: 99 }))
      .thenThrows('BAD_USER_INPUT', undefined, 'expectedRevision');
    expect(error.message).toBe(
      `expectedRevision: is 99, past Project ${projectId}'s current revision 3: no such revision was ever given out; send the revision you read`,
    );
  });

  it('refuses negative hours and an empty reason', () => {
    expect(
      spec
        .given([])
        .when(changeOrder({ budgetHours: -5 }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('budgetHours');
    expect(
      spec
        .given([])
        .when(changeOrder({ reason: '  ' }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('reason');
  });
});
