import { specification } from '@test/decider-specification.js';
import { budgetDecider } from './budget.decide.js';
import type { BudgetEvent } from './budget.state.js';
import type { ReviseCommitment } from './commitments.commands.js';
import type { CommitmentRevised } from './commitments.events.js';
import {
  budgetChanged,
  contractApproved,
  decided,
  decidedAfter,
  developer,
  dora,
  later,
  makeC1,
  makeOutside,
  madeIn,
  manager,
  pat,
  projectId,
  request,
  revise,
  within,
} from './commitments.spec-fixtures.js';

const spec = specification(budgetDecider);
const c1Made = decidedAfter([contractApproved], makeC1({ dueDate: '2025-04-30' }));
const revisedBy = (history: BudgetEvent[], command: ReviseCommitment): CommitmentRevised['data'] =>
  (decidedAfter(history, command).at(-1) as CommitmentRevised).data;
/** A revision's status, and whether it records a judgement (none: history stays as it was). */
const statusAndRejudged = (data: CommitmentRevised['data']) => ({ status: data.status, rejudged: data.atDecision !== undefined });
const baselineV2 = {
  ...contractApproved,
  data: {
    ...contractApproved.data,
    baselineId: 'b-2',
    name: 'Contract v2',
    requirements: [...contractApproved.data.requirements, { requirementId: 'R3', key: 'R3', revision: 1, estimateHours: 20 }],
  },
};

describe('ReviseCommitment', () => {
  it('judges a raise at that moment: C1 grown to 75 h overruns R1 by 35 h on a reserve of 30 h', () => {
    spec
      .given(c1Made)
      .when(revise({ estimateHours: 75, expectedRevision: 1 }))
      .then([
        {
          type: 'CommitmentRevised',
          data: {
            commitmentId: 'C1',
            projectId,
            revision: 2,
            estimateHours: 75,
            dueDate: '2025-04-30',
            requirementIds: ['R1'],
            requestIds: [],
            changes: [{ field: 'estimateHours', from: 40, to: 75 }],
            reason: 'The export needs a template editor',
            status: 'PENDING_APPROVAL',
            atDecision: {
              ...within,
              outsideBudget: true,
              exceedsBudgetByHours: 5,
              reasons: ['A raise draws 35 h more on a reserve of 30 h — exceeds the budget by 5 h.'],
            },
            // How it stands after the raise, which its status follows: the same flags here, as nothing else moved.
            judgedAtRevision: {
              outsideRequirements: false,
              outsideBudget: true,
              exceedsBudgetByHours: 5,
              madeWithoutAuthority: false,
              requestedWithoutAuthority: false,
            },
            by: manager,
            at: later,
          },
        },
      ]);
  });

  it("keeps authority the maker's and the judgement as made: a manager trimming a developer's promise clears neither", () => {
    const made = decidedAfter([contractApproved, budgetChanged(100, 80)], makeOutside('C9', 30));
    const asMade = madeIn(made, 'C9').data.atDecision;
    expect(asMade).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 20, madeWithoutAuthority: true });
    const trimmedTo = decidedAfter(made, revise({ commitmentId: 'C9', estimateHours: 5, actor: manager, madeTo: pat }));
    expect(statusAndRejudged((trimmedTo.at(-1) as CommitmentRevised).data)).toEqual({ status: 'PENDING_APPROVAL', rejudged: false });
    expect(trimmedTo.reduce(budgetDecider.evolve, budgetDecider.initialState()).commitments.get('C9')!.atDecision).toEqual(asMade);
  });

  it('keeps a promise made outside the budget so through a trim that brings it within: today shows the trim (`current`)', () => {
    const made = decidedAfter(
      [contractApproved],
      makeOutside('C9', 75, { requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] }),
    );
    expect(madeIn(made, 'C9').data.atDecision).toMatchObject({ outsideBudget: true, madeWithoutAuthority: true });
    // 1 h or 35 h: a trim takes back hours, never a judgement; still without authority, it waits for a manager.
    for (const estimateHours of [74, 40]) {
      expect(statusAndRejudged(revisedBy(made, revise({ commitmentId: 'C9', estimateHours, madeTo: pat })))).toEqual({
        status: 'PENDING_APPROVAL',
        rejudged: false,
      });
    }
  });

  it("does not lend a manager's authority to a developer who grows the manager's promise beyond the budget", () => {
    const grown = revisedBy(c1Made, revise({ estimateHours: 75, actor: developer, reviserRole: 'DEVELOPER' }));
    expect(grown).toMatchObject({
      status: 'PENDING_APPROVAL',
      promisedByReviser: 'DEVELOPER',
      atDecision: { outsideBudget: true, madeWithoutAuthority: true },
    });
    expect(grown.atDecision!.reasons).toContain('Revised by a developer, not a manager, although it is outside the budget.');
  });

  it("keeps it on the developer's authority when a manager brings it back within: approval is how a manager gives it", () => {
    const grown = decidedAfter(c1Made, revise({ estimateHours: 75, actor: developer, reviserRole: 'DEVELOPER' }));
    const trimmed = revisedBy(grown, revise({ estimateHours: 40 }));
    expect(statusAndRejudged(trimmed)).toEqual({ status: 'PENDING_APPROVAL', rejudged: false });
    expect(trimmed.promisedByReviser).toBeUndefined();
  });

  it("leaves a manager's promise on the manager's authority when a developer changes only its due date or keeps it within", () => {
    expect(
      revisedBy(c1Made, revise({ dueDate: '2025-05-30', actor: developer, reviserRole: 'DEVELOPER' })).promisedByReviser,
    ).toBeUndefined();
    const kept = revisedBy(c1Made, revise({ estimateHours: 50, actor: developer, reviserRole: 'DEVELOPER' }));
    expect(kept.promisedByReviser).toBeUndefined();
    expect(kept.atDecision).toMatchObject({ outsideBudget: false, madeWithoutAuthority: false });
    // The manager's own later promise beyond the budget is the manager's.
    const grownByManager = revisedBy(
      decidedAfter(c1Made, revise({ estimateHours: 50, actor: developer, reviserRole: 'DEVELOPER' })),
      revise({ estimateHours: 75, expectedRevision: 2 }),
    );
    expect(grownByManager).toMatchObject({ status: 'PENDING_APPROVAL', atDecision: { outsideBudget: true, madeWithoutAuthority: false } });
  });

  it("leaves a manager's promise that was outside already on the manager's authority when a developer trims it, not when they grow it", () => {
    const outsideByManager = decidedAfter(c1Made, revise({ estimateHours: 80 }));
    const trimmed = revisedBy(
      outsideByManager,
      revise({ estimateHours: 76, actor: developer, reviserRole: 'DEVELOPER', expectedRevision: 2 }),
    );
    expect(trimmed.promisedByReviser).toBeUndefined();
    expect(trimmed.atDecision).toBeUndefined();
    const grown = revisedBy(
      outsideByManager,
      revise({ estimateHours: 90, actor: developer, reviserRole: 'DEVELOPER', expectedRevision: 2 }),
    );
    // 10 h more on a reserve already overdrawn by the manager's 10 h: exceeded by 20 h in all.
    expect(grown).toMatchObject({
      promisedByReviser: 'DEVELOPER',
      atDecision: { outsideBudget: true, exceedsBudgetByHours: 20, madeWithoutAuthority: true },
    });
    expect(grown.atDecision!.reasons[0]).toBe(
      'A raise draws 10 h more on a reserve overdrawn by 10 h already — 10 h of them beyond the budget; the commitment exceeds it by 20 h in all.',
    );
  });

  it('counts beyond the budget what the raise draws past the reserve, not how far the excess as made grew', () => {
    // Raised 10 h outside the budget, then the budget raised by 30 h: inside today, 20 h of reserve left.
    const outside = decidedAfter(c1Made, revise({ estimateHours: 80 })); // 10 h beyond, as made
    const roomier = [...outside, budgetChanged(100, 130)]; // within today
    const raised = revisedBy(roomier, revise({ estimateHours: 125, expectedRevision: 2 }));
    expect(raised.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 25 });
    expect(raised.atDecision!.reasons[0]).toBe('A raise draws 45 h more on a reserve of 20 h — exceeds the budget by 25 h.');
  });

  it('says what a raise back draws beyond the reserve, and the excess as made, which it stays within', () => {
    const outside = decidedAfter(c1Made, revise({ estimateHours: 80 })); // 40 h more on a reserve of 30 h: 10 h beyond
    const trimmed = decidedAfter(outside, revise({ estimateHours: 60, expectedRevision: 2 })); // within again today
    const raised = revisedBy(trimmed, revise({ estimateHours: 75, expectedRevision: 3 }));
    expect(raised.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 10 });
    expect(raised.atDecision!.reasons[0]).toBe(
      'A raise draws 15 h more on a reserve of 10 h — 5 h of them beyond the budget; the commitment exceeds it by 10 h in all.',
    );
  });

  it("leaves a manager's promise on the manager's authority when a developer trims it after a budget cut took it outside", () => {
    const inside = decidedAfter(c1Made, revise({ estimateHours: 50 })); // 10 h on a reserve of 30 h
    const cut = [...inside, budgetChanged(100, 75)]; // a reserve of 5 h
    const trimmed = revisedBy(cut, revise({ estimateHours: 48, actor: developer, reviserRole: 'DEVELOPER', expectedRevision: 2 }));
    // Outside today (`current`, and so awaiting approval), within when the manager raised it: history stays.
    expect(statusAndRejudged(trimmed)).toEqual({ status: 'PENDING_APPROVAL', rejudged: false });
    expect(trimmed.promisedByReviser).toBeUndefined();
  });

  it('accepts it again when a smaller estimate brings it back within the budget, and keeps an approval', () => {
    const grown = decidedAfter(c1Made, revise({ estimateHours: 75 }));
    expect(statusAndRejudged(revisedBy(grown, revise({ estimateHours: 60 })))).toEqual({ status: 'ACCEPTED', rejudged: false });
    expect(revisedBy([...grown, decided('CommitmentApproved')], revise({ estimateHours: 60 })).status).toBe('APPROVED');
  });

  it('keeps an approval through a new due date or a trim, and asks for it anew when the revision widens what was approved', () => {
    const approved = [...decidedAfter(c1Made, revise({ estimateHours: 75 })), decided('CommitmentApproved')]; // outside the budget
    const by = { actor: developer, reviserRole: 'DEVELOPER' as const };
    expect(revisedBy(approved, revise({ dueDate: '2027-03-01', ...by })).status).toBe('APPROVED');
    expect(statusAndRejudged(revisedBy(approved, revise({ estimateHours: 72, ...by })))).toEqual({ status: 'APPROVED', rejudged: false });
    expect(revisedBy(approved, revise({ estimateHours: 80 })).status).toBe('PENDING_APPROVAL');
  });

  it('keeps an approval when a trimmed commitment is raised again up to the hours approved, not beyond', () => {
    const approved = [...decidedAfter(c1Made, revise({ estimateHours: 75 })), decided('CommitmentApproved')]; // 75 h approved
    const trimmed = decidedAfter(approved, revise({ estimateHours: 50 }));
    expect(revisedBy(trimmed, revise({ estimateHours: 75 }))).toMatchObject({ status: 'APPROVED', atDecision: { outsideBudget: true } });
    expect(revisedBy(trimmed, revise({ estimateHours: 76 })).status).toBe('PENDING_APPROVAL');
    // Approved anew at 80 h: from then on the approval is for 80 h.
    const reapproved = [...decidedAfter(trimmed, revise({ estimateHours: 80 })), decided('CommitmentApproved')];
    const trimmedAgain = decidedAfter(reapproved, revise({ estimateHours: 60 }));
    expect(revisedBy(trimmedAgain, revise({ estimateHours: 80 })).status).toBe('APPROVED');
    expect(revisedBy(trimmedAgain, revise({ estimateHours: 81 })).status).toBe('PENDING_APPROVAL');
  });

  it('approves again a commitment a raise sent back for approval once it is trimmed within the hours approved', () => {
    const approved = [...decidedAfter(c1Made, revise({ estimateHours: 75 })), decided('CommitmentApproved')]; // 75 h approved
    const raised = decidedAfter(approved, revise({ estimateHours: 90, actor: developer, reviserRole: 'DEVELOPER' }));
    expect((raised.at(-1) as CommitmentRevised).data.status).toBe('PENDING_APPROVAL');
    expect(revisedBy(raised, revise({ estimateHours: 80 })).status).toBe('PENDING_APPROVAL');
    expect(revisedBy(raised, revise({ estimateHours: 75 })).status).toBe('APPROVED');
    // Linked to other requirements, it is another promise: the approval does not come back.
    const relinked = decidedAfter(raised, revise({ requirementIds: ['R2'], requirements: [{ id: 'R2', projectId }] }));
    expect(revisedBy(relinked, revise({ estimateHours: 60 })).status).not.toBe('APPROVED');
  });

  it('keeps an approval through a trim of a commitment standing above the hours approved, raised while inside the budget', () => {
    const approved = [...decidedAfter(c1Made, revise({ estimateHours: 75 })), decided('CommitmentApproved')]; // 75 h approved
    const raisedInside = decidedAfter([...approved, budgetChanged(100, 300)], revise({ estimateHours: 80 }));
    expect((raisedInside.at(-1) as CommitmentRevised).data.status).toBe('APPROVED');
    expect(revisedBy([...raisedInside, budgetChanged(300, 100)], revise({ estimateHours: 78 })).status).toBe('APPROVED');
  });

  describe("a raise draws only the reserve no promise drew by then, whatever its commitment's place", () => {
    const onR2 = { requirementIds: ['R2'], requirements: [{ id: 'R2', projectId }] };
    // E1 (20 h on R1) before E2 (10 h on R2); E2 then grows to 80 h, 50 h over R2 on a reserve of 30 h.
    const e2Grown = decidedAfter(
      decidedAfter(
        decidedAfter([contractApproved], makeC1({ commitmentId: 'E1', estimateHours: 20 })),
        makeC1({ commitmentId: 'E2', estimateHours: 10, ...onR2 }),
      ),
      revise({ commitmentId: 'E2', estimateHours: 80 }),
    );

    it('judges the later raise by what it took: E2 grown to 80 h exceeds the reserve of 30 h by 20 h', () => {
      expect((e2Grown.at(-1) as CommitmentRevised).data.atDecision).toMatchObject({
        outsideBudget: true,
        exceedsBudgetByHours: 20,
        budgetAtDecision: { remainingReserveHours: 30 },
      });
    });

    it('judges an earlier commitment raised after it on what is left: E1 grown to 60 h overruns R1 by 20 h on no reserve', () => {
      expect(revisedBy(e2Grown, revise({ commitmentId: 'E1', estimateHours: 60 })).atDecision).toMatchObject({
        outsideBudget: true,
        exceedsBudgetByHours: 20,
        budgetAtDecision: { remainingReserveHours: -20 },
        reasons: ['A raise draws 20 h more on a reserve overdrawn by 20 h already — exceeds the budget by 20 h.'],
      });
      // Covered by a change order, E2 draws first today; E1's raise still finds no reserve left.
      const e2Covered = [...e2Grown, budgetChanged(100, 100, { coversCommitmentIds: ['E2'], countersignedById: dora.id })];
      expect(revisedBy(e2Covered, revise({ commitmentId: 'E1', estimateHours: 60 })).atDecision).toMatchObject({
        outsideBudget: true,
        exceedsBudgetByHours: 20,
      });
    });

    it("flags a developer's raise that takes the reserve a later, approved promise drew, and sends it for approval", () => {
      const x = makeC1({ commitmentId: 'X', estimateHours: 30, actor: developer, makerRole: 'DEVELOPER', ...onR2 }); // within R2's 30 h
      const m = makeC1({ commitmentId: 'M', estimateHours: 25, requirementIds: [], requirements: [] }); // the manager's, outside requirements
      const approved = [...decidedAfter(decidedAfter([contractApproved], x), m), decided('CommitmentApproved', 'M')];
      const raised = revisedBy(approved, revise({ commitmentId: 'X', estimateHours: 60, actor: developer, reviserRole: 'DEVELOPER' }));
      expect(raised).toMatchObject({
        status: 'PENDING_APPROVAL',
        atDecision: {
          outsideRequirements: false,
          outsideBudget: true,
          exceedsBudgetByHours: 25,
          madeWithoutAuthority: true,
          budgetAtDecision: { remainingReserveHours: 5 },
          reasons: [
            'A raise draws 30 h more on a reserve of 5 h — exceeds the budget by 25 h.',
            'Made by a developer, not a manager, although it is outside the budget.',
          ],
        },
      });
    });

    it('keeps a raise within what is left within the budget, on the numbers of its moment', () => {
      const raised = revisedBy(e2Grown, revise({ commitmentId: 'E1', estimateHours: 30 }));
      expect(raised.atDecision).toMatchObject({
        outsideBudget: false,
        exceedsBudgetByHours: 0,
        budgetAtDecision: { remainingReserveHours: -20 },
      });
    });
  });

  it('keeps the judgement and the approval for a new date of one that is outside', () => {
    const outside = decidedAfter([contractApproved], makeC1({ estimateHours: 75 }));
    const data = revisedBy([...outside, decided('CommitmentApproved')], revise({ dueDate: '2025-05-15' }));
    expect(data).toMatchObject({ status: 'APPROVED', changes: [{ field: 'dueDate', from: null, to: '2025-05-15' }] });
    expect(data.atDecision).toBeUndefined();
  });

  it('clears a due date with null, unjudged; once cleared, clearing it again changes nothing', () => {
    const cleared = revisedBy(c1Made, revise({ dueDate: null }));
    expect(cleared).toMatchObject({ changes: [{ field: 'dueDate', from: '2025-04-30', to: null }], status: 'ACCEPTED' });
    expect(cleared).not.toHaveProperty('dueDate');
    expect(cleared.atDecision).toBeUndefined();
    const history = decidedAfter(c1Made, revise({ dueDate: null }));
    spec
      .given(history)
      .when(revise({ dueDate: null }))
      .thenThrows('RULE_VIOLATED', 'revisionChangesSomething');
  });

  it('relinks to a requirement of a newer baseline: accepted from then on, its judgement when made kept as history', () => {
    const onR3 = decidedAfter(
      [contractApproved],
      makeC1({ requirementIds: ['R3'], requirements: [{ id: 'R3', projectId }], estimateHours: 20 }),
    );
    expect(madeIn(onR3, 'C1').data.atDecision.outsideRequirements).toBe(true);
    const data = revisedBy(
      [...onR3, baselineV2],
      revise({
        requirementIds: ['R3', 'R1'],
        requirements: [
          { id: 'R3', projectId },
          { id: 'R1', projectId },
        ],
      }),
    );
    expect(data).toMatchObject({
      status: 'ACCEPTED',
      requirementIds: ['R3', 'R1'],
      changes: [{ field: 'requirementIds', from: ['R3'], to: ['R3', 'R1'] }],
    });
    expect(data.atDecision).toBeUndefined(); // still outside requirements as made: today's standing is `current`
  });

  it('never clears what a promise was when made by relinking it, though it may be judged within today', () => {
    const made = decidedAfter([contractApproved], makeOutside('C9', 40));
    expect(madeIn(made, 'C9').data.atDecision).toMatchObject({
      outsideRequirements: true,
      outsideBudget: true,
      madeWithoutAuthority: true,
    });
    const onR1 = { requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }] };
    const relinked = revisedBy(
      made,
      revise({ commitmentId: 'C9', ...onR1, requestIds: ['q-1'], requests: [request('q-1', true, 'Dora')] }),
    );
    expect(relinked).toMatchObject({ status: 'PENDING_APPROVAL', requirementIds: ['R1'], requestIds: ['q-1'] });
    expect(relinked.atDecision).toBeUndefined();
  });

  it('keeps who asked as it was when made, through a new estimate and a relink of the requests', () => {
    const viaPat = decidedAfter([contractApproved], makeC1({ madeToId: pat.id, madeTo: pat }));
    const asked = 'Not asked first-hand by anyone who could approve scope (asked by Pat Proxy).';
    expect(revisedBy(viaPat, revise({ estimateHours: 50, madeTo: pat })).atDecision!.reasons.at(-1)).toBe(asked);
    const relinked = revisedBy(
      viaPat,
      revise({ estimateHours: 45, requestIds: ['q-1'], requests: [request('q-1', true, 'Dora Decider')], madeTo: pat }),
    );
    expect(relinked.atDecision).toMatchObject({ requestedWithoutAuthority: true });
    expect(relinked.atDecision!.reasons.at(-1)).toBe(asked);
  });

  it('records links named again unchanged as reviewed: nothing re-judged, a removed requirement still refused', () => {
    const reviewed = revisedBy(c1Made, revise({ requirementIds: ['R1'], requirements: [{ id: 'R1', projectId }], reason: 'Still holds' }));
    expect(reviewed).toMatchObject({ requirementIds: ['R1'], changes: [], reason: 'Still holds', status: 'ACCEPTED', revision: 2 });
    expect(reviewed.atDecision).toBeUndefined();
    spec
      .given(c1Made)
      .when(revise({ requirementIds: ['R1'], requirements: [{ id: 'R1', projectId, removed: true }] }))
      .thenThrows('RULE_VIOLATED', 'requirementNotRemoved', 'requirementIds');
  });

  it('refuses a stale revision with CONFLICT and the current one', () => {
    const error = spec
      .given(decidedAfter(c1Made, revise({ estimateHours: 45 })))
      .when(revise({ estimateHours: 50, expectedRevision: 1 }))
      .thenThrows('CONFLICT');
    expect(error.details).toMatchObject({ currentRevision: 2 });
    spec
      .given(decidedAfter(c1Made, revise({ estimateHours: 45 })))
      .when(revise({ estimateHours: 50, expectedRevision: 3 }))
      .thenThrows('BAD_USER_INPUT', undefined, 'expectedRevision');
  });

  it('must change something, give a reason, and link what exists in the project', () => {
    spec
      .given(c1Made)
      .when(revise({ estimateHours: 40, dueDate: '2025-04-30' }))
      .thenThrows('RULE_VIOLATED', 'revisionChangesSomething');
    const unlinked = decidedAfter([contractApproved], makeC1({ requirementIds: [], requirements: [] }));
    spec
      .given(unlinked)
      .when(revise({ requirementIds: [], requirements: [], requestIds: [], requests: [] }))
      .thenThrows('RULE_VIOLATED', 'revisionChangesSomething');
    spec
      .given(c1Made)
      .when(revise({ estimateHours: 50, reason: '' }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given(c1Made)
      .when(revise({ estimateHours: 0 }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given(c1Made)
      .when(revise({ dueDate: '2025-13-01' }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given(c1Made)
      .when(revise({ requirementIds: ['R9'], requirements: [null] }))
      .thenThrows('NOT_FOUND');
    spec
      .given(c1Made)
      .when(revise({ requestIds: ['q-1'], requests: [{ ...request('q-1', true), projectId: 'p-2' }] }))
      .thenThrows('NOT_FOUND');
  });

  it('revises only an open commitment that exists', () => {
    spec
      .given([])
      .when(revise({ estimateHours: 50 }))
      .thenThrows('NOT_FOUND');
    for (const final of ['CommitmentDelivered', 'CommitmentRejected', 'CommitmentWithdrawn'] as const) {
      spec
        .given([...c1Made, decided(final)])
        .when(revise({ estimateHours: 50 }))
        .thenThrows('RULE_VIOLATED', 'finalState', 'commitmentId');
    }
  });
});
