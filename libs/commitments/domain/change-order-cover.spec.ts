import type { ReviseCommitment } from './commitments.commands.js';
import type { CommitmentRevised } from './commitments.events.js';
import { changeOrder, decidedAfter, dora, pat, revise, workedExample } from './commitments.spec-fixtures.js';

/** A change order pays for a commitment at the hours it had then: how far its cover stands. */
describe('the cover of a change order', () => {
  it('keeps the cover when a trimmed commitment is raised back up to the hours it was covered at, not beyond', () => {
    const covered = decidedAfter(
      workedExample(),
      changeOrder({ budgetHours: 106, coversCommitmentIds: ['C3'], countersignedById: dora.id, countersignedBy: dora }),
    );
    const trimmed = decidedAfter(covered, revise({ commitmentId: 'C3', estimateHours: 10, madeTo: pat })); // covered at 16 h
    const raisedTo = (estimateHours: number) =>
      (decidedAfter(trimmed, revise({ commitmentId: 'C3', estimateHours, madeTo: pat })).at(-1) as CommitmentRevised).data.endsCover;
    expect([raisedTo(16), raisedTo(17)]).toEqual([undefined, true]);
  });

  it('keeps the cover through a trim of a commitment an older log kept covered through a raise', () => {
    const covered = decidedAfter(
      workedExample(),
      changeOrder({ budgetHours: 106, coversCommitmentIds: ['C3'], countersignedById: dora.id, countersignedBy: dora }),
    );
    const raised = decidedAfter(covered, revise({ commitmentId: 'C3', estimateHours: 30, madeTo: pat }));
    const { endsCover: _ended, ...asWrittenBefore } = (raised.at(-1) as CommitmentRevised).data; // before endsCover was written
    const older = [...raised.slice(0, -1), { type: 'CommitmentRevised', data: asWrittenBefore } as CommitmentRevised];
    const revisedTo = (change: Partial<ReviseCommitment>) =>
      (decidedAfter(older, revise({ commitmentId: 'C3', madeTo: pat, ...change })).at(-1) as CommitmentRevised).data.endsCover;
    expect([revisedTo({ estimateHours: 25 }), revisedTo({ dueDate: '2025-05-01' }), revisedTo({ estimateHours: 31 })]).toEqual([
      undefined,
      undefined,
      true,
    ]);
    // It stands for the 30 h it was kept at: trimmed, then raised back up to them, it stays covered.
    const trimmed = decidedAfter(older, revise({ commitmentId: 'C3', madeTo: pat, estimateHours: 20 }));
    const raisedBack = decidedAfter(trimmed, revise({ commitmentId: 'C3', madeTo: pat, estimateHours: 30 }));
    expect((raisedBack.at(-1) as CommitmentRevised).data.endsCover).toBeUndefined();
  });
});
