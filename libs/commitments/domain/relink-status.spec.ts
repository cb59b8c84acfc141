import type { CommitmentRevised } from './commitments.events.js';
import { contractApproved, decided, decidedAfter, developer, makeC1, projectId, request, revise } from './commitments.spec-fixtures.js';

/** A manager's 40 h on request q-1, linked to no requirement: outside requirements, 10 h beyond the reserve of 30 h. */
const madeOutside = decidedAfter(
  [contractApproved],
  makeC1({ requirementIds: [], requirements: [], requestIds: ['q-1'], requests: [request('q-1', true, 'Dora')] }),
);
const onR1 = { requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }], reason: 'It is R1 work' };
const statusAfter = (history: Parameters<typeof decidedAfter>[0], command: ReturnType<typeof revise>) =>
  (decidedAfter(history, command).at(-1) as CommitmentRevised).data.status;

/** A relinked promise's status follows it on the links it has now, not on those it was made with. */
describe('relinking a commitment made outside requirements and the budget', () => {
  it('keeps an approval when a manager relinks it onto a requirement it fits', () => {
    expect((madeOutside.at(-1) as { data: { status: string } }).data.status).toBe('PENDING_APPROVAL');
    expect(statusAfter([...madeOutside, decided('CommitmentApproved')], revise(onR1))).toBe('APPROVED');
  });

  it("accepts a manager's pending promise relinked onto a requirement it fits, recording the standing it was decided on", () => {
    expect(statusAfter(madeOutside, revise(onR1))).toBe('ACCEPTED');
    const { data } = decidedAfter(madeOutside, revise(onR1)).at(-1) as CommitmentRevised;
    // The judgement as made stays (no atDecision); what the relink judged is how it stands on R1 now.
    expect(data.atDecision).toBeUndefined();
    expect(data.judgedAtRevision).toEqual({
      outsideRequirements: false,
      outsideBudget: false,
      exceedsBudgetByHours: 0,
      madeWithoutAuthority: false,
      requestedWithoutAuthority: false,
    });
  });

  it("keeps a developer's promise waiting for a manager, relinked wherever", () => {
    const byDeveloper = decidedAfter(
      [contractApproved],
      makeC1({
        actor: developer,
        makerRole: 'DEVELOPER',
        requirementIds: [],
        requirements: [],
        requestIds: ['q-1'],
        requests: [request('q-1', true, 'Dora')],
      }),
    );
    expect(statusAfter(byDeveloper, revise({ ...onR1, actor: developer, reviserRole: 'DEVELOPER' }))).toBe('PENDING_APPROVAL');
  });

  it('holds hours a raise added since the relink on the links it was made with, as the raise was judged', () => {
    const relinked = decidedAfter(madeOutside, revise(onR1));
    const raised = decidedAfter(relinked, revise({ estimateHours: 50 })); // the 10 h added draw on no requirement
    expect((raised.at(-1) as CommitmentRevised).data.status).toBe('PENDING_APPROVAL');
    expect(statusAfter(raised, revise({ estimateHours: 49.99 }))).toBe('PENDING_APPROVAL'); // a trim of a cent clears nothing
    expect(statusAfter(raised, revise({ estimateHours: 40 }))).toBe('ACCEPTED'); // back to what it was relinked with
    const trimmedThenRaised = decidedAfter(decidedAfter(relinked, revise({ estimateHours: 30 })), revise({ estimateHours: 40 }));
    expect((trimmedThenRaised.at(-1) as CommitmentRevised).data.status).toBe('PENDING_APPROVAL');
    expect(statusAfter(trimmedThenRaised, revise({ estimateHours: 39.99 }))).toBe('PENDING_APPROVAL');
  });

  it('keeps it waiting when relinked onto a requirement whose hours it does not fit after every other promise', () => {
    const r1Drawn = decidedAfter(madeOutside, makeC1({ commitmentId: 'C2', estimateHours: 40 })); // R1 fully drawn by C2
    expect(statusAfter(r1Drawn, revise(onR1))).toBe('PENDING_APPROVAL');
  });
});
