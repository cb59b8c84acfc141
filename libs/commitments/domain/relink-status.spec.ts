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

  it('judges hours a raise adds after the relink on the links the promise has now', () => {
    const relinked = decidedAfter(madeOutside, revise(onR1));
    expect(statusAfter(relinked, revise({ estimateHours: 50 }))).toBe('ACCEPTED'); // 10 h over R1, on a free reserve of 30 h
    const raised = decidedAfter(relinked, revise({ estimateHours: 80 })); // 40 h over R1: 10 h beyond the reserve
    expect((raised.at(-1) as CommitmentRevised).data).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: {
        exceedsBudgetByHours: 10,
        reasons: [
          "Links no requirement of baseline 'Contract' — it adds scope.",
          'A raise draws 40 h more on a reserve of 30 h — exceeds the budget by 10 h.',
        ],
      },
    });
    expect(statusAfter(raised, revise({ estimateHours: 79.99 }))).toBe('PENDING_APPROVAL'); // a trim of a cent clears nothing
    expect(statusAfter(raised, revise({ estimateHours: 70 }))).toBe('ACCEPTED'); // it fits again
  });

  it('keeps it waiting when relinked onto a requirement whose hours it does not fit after every other promise', () => {
    const r1Drawn = decidedAfter(madeOutside, makeC1({ commitmentId: 'C2', estimateHours: 40 })); // R1 fully drawn by C2
    expect(statusAfter(r1Drawn, revise(onR1))).toBe('PENDING_APPROVAL');
  });
});
