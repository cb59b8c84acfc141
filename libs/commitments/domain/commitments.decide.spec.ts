import { specification } from '@cf/core';
import { commitmentsDecider } from './commitments.decide.js';
import {
  at, budgetOf, dora, developer, makeC1, madeBy, manager, pat, projectId, requestBy, within,
} from './commitments.spec-fixtures.js';

const spec = specification(commitmentsDecider);
const c1 = { commitmentId: 'C1', estimateHours: 40, requirementIds: ['R1'] };
const c2 = { commitmentId: 'C2', estimateHours: 20, requirementIds: [] };
const before = (remainingReserveHours: number) => ({ budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours });

describe('MakeCommitment', () => {
  it('accepts C1 of the worked example: within requirements and budget', () => {
    spec.given([]).when(makeC1({ dueDate: '2025-04-30', sessionId: 's-1' })).then([
      {
        type: 'CommitmentMade',
        data: {
          commitmentId: 'C1', projectId, summary: 'Export invoices as PDF', madeBy: manager, madeToId: 'c-dora',
          requestIds: [], requirementIds: ['R1'], estimateHours: 40, dueDate: '2025-04-30', sessionId: 's-1',
          status: 'ACCEPTED', classification: within, at,
        },
      },
    ]);
  });

  it('holds C2 (a developer, a request only) for approval: outside requirements, without authority', () => {
    const command = makeC1({
      commitmentId: 'C2', actor: developer, makerRole: 'DEVELOPER', estimateHours: 20,
      requirementIds: [], requirements: [], requestIds: ['q-1'], requests: [requestBy('q-1', dora)],
      budget: budgetOf([c1]),
    });
    const event = madeBy(command);
    expect(event.data.status).toBe('PENDING_APPROVAL');
    expect(event.data.classification).toEqual({
      outsideRequirements: true, outsideBudget: false, exceedsBudgetByHours: 0,
      madeWithoutAuthority: true, requestedWithoutAuthority: false,
      reasons: [
        "Links no requirement of baseline 'Contract' — it adds scope.",
        'Made by a developer, not a manager, although it is outside requirements.',
      ],
      budgetAtDecision: before(30),
    });
  });

  it('flags C3 outside the budget by 6 h and names every flag in the reasons', () => {
    const command = makeC1({
      commitmentId: 'C3', actor: developer, makerRole: 'DEVELOPER', estimateHours: 16,
      madeToId: pat.id, madeTo: pat, requirementIds: [], requirements: [], budget: budgetOf([c1, c2]),
    });
    const { status, classification } = madeBy(command).data;
    expect(status).toBe('PENDING_APPROVAL');
    expect(classification).toEqual({
      outsideRequirements: true, outsideBudget: true, exceedsBudgetByHours: 6,
      madeWithoutAuthority: true, requestedWithoutAuthority: true,
      reasons: [
        "Links no requirement of baseline 'Contract' — it adds scope.",
        'Draws 16 h on a reserve of 10 h — exceeds the budget by 6 h.',
        'Made by a developer, not a manager, although it is outside requirements and the budget.',
        'None of the people who asked (Pat Proxy) can approve scope.',
      ],
      budgetAtDecision: before(10),
    });
  });

  it('judges the authority of the requesters of linked requests, not of the one it was made to', () => {
    const eve = { id: 'c-eve', canApproveScope: false };
    const command = makeC1({
      requestIds: ['q-1', 'q-2'], requests: [requestBy('q-1', { ...pat, name: 'Pat Proxy' }), requestBy('q-2', eve)],
    });
    const { status, classification } = madeBy(command).data;
    expect(classification.requestedWithoutAuthority).toBe(true);
    expect(classification.reasons).toEqual(['None of the people who asked (Pat Proxy) can approve scope.']);
    expect(status).toBe('ACCEPTED');
    const oneMayApprove = makeC1({ requestIds: ['q-1', 'q-2'], requests: [requestBy('q-1', pat), requestBy('q-2', dora)] });
    expect(madeBy(oneMayApprove).data.classification.requestedWithoutAuthority).toBe(false);
  });

  it('lets a manager make a commitment outside the budget with authority, still pending approval', () => {
    const command = makeC1({ estimateHours: 75, budget: budgetOf([], 100) });
    const { status, classification } = madeBy(command).data;
    expect(classification).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 5, madeWithoutAuthority: false });
    expect(classification.reasons).toEqual(['Draws 35 h on a reserve of 30 h — exceeds the budget by 5 h.']);
    expect(status).toBe('PENDING_APPROVAL');
  });

  it('allows neither requests nor requirements: then it is outside requirements', () => {
    const command = makeC1({ requirementIds: [], requirements: [], estimateHours: 8 });
    expect(madeBy(command).data.classification).toMatchObject({ outsideRequirements: true, outsideBudget: false });
  });

  it('counts a linked requirement that is not in the baseline as outside requirements', () => {
    const command = makeC1({ requirementIds: ['R3'], requirements: [{ id: 'R3', projectId }] });
    expect(madeBy(command).data.classification.outsideRequirements).toBe(true);
  });

  it('cannot be made twice', () => {
    spec.given([madeBy(makeC1())]).when(makeC1()).thenThrows('RULE_VIOLATED', 'alreadyExists');
  });

  it('needs every referenced contact, request and requirement to exist', () => {
    spec.given([]).when(makeC1({ madeTo: null })).thenThrows('NOT_FOUND');
    spec.given([]).when(makeC1({ requestIds: ['q-9'], requests: [null] })).thenThrows('NOT_FOUND');
    const error = spec.given([]).when(makeC1({ requirements: [null] })).thenThrows('NOT_FOUND');
    expect(error.details).toEqual({ entity: 'Requirement', id: 'R1' });
  });

  it('needs them in the same project', () => {
    const elsewhere = 'p-2';
    spec.given([]).when(makeC1({ madeTo: { ...dora, projectId: elsewhere } })).thenThrows('RULE_VIOLATED', 'sameProject');
    const request = { ...requestBy('q-1', dora), projectId: elsewhere };
    spec.given([]).when(makeC1({ requestIds: ['q-1'], requests: [request] })).thenThrows('RULE_VIOLATED', 'sameProject');
    spec.given([]).when(makeC1({ requirements: [{ id: 'R1', projectId: elsewhere }] })).thenThrows('RULE_VIOLATED', 'sameProject');
  });

  it('rejects invalid values', () => {
    spec.given([]).when(makeC1({ summary: '   ' })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(makeC1({ summary: 'x'.repeat(201) })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(makeC1({ estimateHours: 0 })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(makeC1({ estimateHours: -2 })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(makeC1({ dueDate: '2025-02-30' })).thenThrows('BAD_USER_INPUT');
    spec.given([]).when(makeC1({ dueDate: '30.04.2025' })).thenThrows('BAD_USER_INPUT');
    const twice = makeC1({ requirementIds: ['R1', 'R1'], requirements: [{ id: 'R1', projectId }, { id: 'R1', projectId }] });
    spec.given([]).when(twice).thenThrows('BAD_USER_INPUT');
    expect(madeBy(makeC1({ summary: 'x'.repeat(200) })).data.summary).toHaveLength(200);
  });
});
