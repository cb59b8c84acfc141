import type { DomainError } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { budgetDecider } from './budget.decide.js';
import type { BudgetEvent } from './budget.state.js';
import {
  at,
  budgetChanged,
  contractApproved,
  decidedAfter,
  dora,
  makeC1,
  makeOutside,
  madeIn,
  manager,
  pat,
  projectId,
  request,
  within,
  workedExample,
} from './commitments.spec-fixtures.js';

const spec = specification(budgetDecider);
const numbers = (remainingReserveHours: number) => ({ budgetHours: 100, baselineHours: 70, reserveHours: 30, remainingReserveHours });

describe('MakeCommitment on the budget stream', () => {
  it('accepts C1 of the worked example: within requirements and budget', () => {
    spec
      .given([contractApproved])
      .when(makeC1({ dueDate: '2025-04-30', sessionId: 's-1', session: { id: 's-1', projectId, contactIds: ['c-dora'] } }))
      .then([
        {
          type: 'CommitmentMade',
          data: {
            commitmentId: 'C1',
            projectId,
            summary: 'Export invoices as PDF',
            madeBy: manager,
            makerRole: 'MANAGER',
            madeToId: 'c-dora',
            madeToCouldApproveScope: true,
            requestIds: [],
            requirementIds: ['R1'],
            estimateHours: 40,
            dueDate: '2025-04-30',
            sessionId: 's-1',
            status: 'ACCEPTED',
            atDecision: within,
            at,
          },
        },
      ]);
  });

  it('holds C2 (a developer, a request only) for approval; C3 lands outside the budget by 6 h', () => {
    const history = workedExample();
    expect(madeIn(history, 'C2').data).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: {
        outsideRequirements: true,
        outsideBudget: false,
        exceedsBudgetByHours: 0,
        madeWithoutAuthority: true,
        requestedWithoutAuthority: false,
        reasons: [
          "Links no requirement of baseline 'Contract' — it adds scope.",
          'Made by a developer, not a manager, although it is outside requirements.',
        ],
        budgetAtDecision: numbers(30),
      },
    });
    expect(madeIn(history, 'C3').data.atDecision).toEqual({
      outsideRequirements: true,
      outsideBudget: true,
      exceedsBudgetByHours: 6,
      madeWithoutAuthority: true,
      requestedWithoutAuthority: true,
      reasons: [
        "Links no requirement of baseline 'Contract' — it adds scope.",
        'Draws 16 h on a reserve of 10 h — exceeds the budget by 6 h.',
        'Made by a developer, not a manager, although it is outside requirements and the budget.',
        'Not asked first-hand by anyone who could approve scope (asked by Pat Proxy).',
      ],
      budgetAtDecision: numbers(10),
    });
  });

  it('judges on the budget of the latest change order, or the opening one before any', () => {
    const cut = decidedAfter([contractApproved, budgetChanged(100, 90)], makeOutside('C9', 35));
    expect(madeIn(cut, 'C9').data.atDecision).toMatchObject({ outsideBudget: true, exceedsBudgetByHours: 15 });
    const opened = decidedAfter([contractApproved], makeOutside('C9', 35, { openingBudgetHours: 105 }));
    expect(madeIn(opened, 'C9').data.atDecision).toMatchObject({ outsideBudget: false, exceedsBudgetByHours: 0 });
  });

  it('says a reserve a budget cut overdrew is overdrawn, as its numbers show, not that it holds 0 h', () => {
    const cut = decidedAfter([contractApproved, budgetChanged(100, 50)], makeOutside('C9', 5));
    expect(madeIn(cut, 'C9').data.atDecision).toMatchObject({
      exceedsBudgetByHours: 5,
      reasons: expect.arrayContaining(['Draws 5 h on a reserve overdrawn by 20 h already — exceeds the budget by 5 h.']),
      budgetAtDecision: { budgetHours: 50, baselineHours: 70, reserveHours: -20, remainingReserveHours: -20 },
    });
  });

  it('draws ten promises of 10 h on an empty reserve at 10 h each', () => {
    let history: BudgetEvent[] = [contractApproved, budgetChanged(100, 70)];
    for (let i = 0; i < 10; i++) history = decidedAfter(history, makeOutside(`T${i}`, 10));
    const exceeded = history
      .filter((e) => e.type === 'CommitmentMade')
      .map((e) => (e.data as { atDecision: { exceedsBudgetByHours: number } }).atDecision.exceedsBudgetByHours);
    expect(exceeded).toEqual(Array(10).fill(10));
  });

  it('counts who asked: a request asked or confirmed first-hand by someone who may approve scope', () => {
    const asked = (requests: ReturnType<typeof request>[]) =>
      madeIn(
        decidedAfter([contractApproved], makeC1({ requestIds: requests.map((r) => r.id), requests, madeTo: pat, madeToId: pat.id })),
        'C1',
      ).data.atDecision;
    expect(asked([request('q-1', false, 'Pat Proxy'), request('q-2', true, 'Dora Decider')]).requestedWithoutAuthority).toBe(false);
    expect(asked([request('q-1', false, 'Pat Proxy')])).toMatchObject({
      requestedWithoutAuthority: true,
      reasons: ['Not asked first-hand by anyone who could approve scope (asked by Pat Proxy).'],
    });
    // A decision maker's request passed on by a proxy and not confirmed: the reason says whose word it was.
    expect(
      asked([{ ...request('q-3', false, 'Dora Decider'), relayerName: 'Pat Proxy' }, request('q-4', false, 'Erik End')]),
    ).toMatchObject({
      requestedWithoutAuthority: true,
      reasons: ['Not asked first-hand by anyone who could approve scope (asked by Dora Decider via Pat Proxy, Erik End).'],
    });
    expect(madeIn(decidedAfter([contractApproved], makeC1({ madeTo: dora })), 'C1').data.atDecision.requestedWithoutAuthority).toBe(false);
  });

  it('treats every commitment as outside requirements while no baseline is approved', () => {
    const history = decidedAfter([], makeC1());
    expect(madeIn(history, 'C1').data).toMatchObject({
      status: 'PENDING_APPROVAL',
      atDecision: {
        outsideRequirements: true,
        outsideBudget: false,
        reasons: ['Links no requirement of an approved baseline (none is approved yet) — it adds scope.'],
      },
    });
  });

  it('refuses references that do not exist or are not part of the project, naming the field, and bad values', () => {
    const refused = (overrides: Parameters<typeof makeC1>[0], code: DomainError['code'], rule?: string) =>
      spec.given([]).when(makeC1(overrides)).thenThrows(code, rule).details.field;
    expect(refused({ madeTo: null }, 'NOT_FOUND')).toBe('madeToId');
    expect(refused({ madeTo: { ...dora, projectId: 'p-2' } }, 'NOT_FOUND')).toBe('madeToId');
    expect(refused({ requirements: [null] }, 'NOT_FOUND')).toBe('requirementIds');
    expect(refused({ requestIds: ['q-1'], requests: [{ ...request('q-1', true), projectId: 'p-2' }] }, 'NOT_FOUND')).toBe('requestIds');
    expect(refused({ sessionId: 's-9', session: null }, 'NOT_FOUND')).toBe('sessionId');
    // The entity as every other operation names a session: a client matches on it.
    expect(
      spec
        .given([])
        .when(makeC1({ sessionId: 's-9', session: null }))
        .thenThrows('NOT_FOUND').details.entity,
    ).toBe('ContactSession');
    expect(refused({ sessionId: 's-9', session: { id: 's-9', projectId: 'p-2', contactIds: ['c-dora'] } }, 'NOT_FOUND')).toBe('sessionId');
    expect(
      spec
        .given([])
        .when(
          makeC1({
            requirementIds: ['R1', 'R1'],
            requirements: [
              { id: 'R1', projectId },
              { id: 'R1', projectId },
            ],
          }),
        )
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('requirementIds');
    expect(
      spec
        .given([])
        .when(makeC1({ estimateHours: 0 }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('estimateHours');
    expect(
      spec
        .given([])
        .when(makeC1({ summary: ' ' }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('summary');
  });

  it('makes a commitment once', () => {
    spec.given(decidedAfter([], makeC1())).when(makeC1()).thenThrows('RULE_VIOLATED', 'alreadyExists');
  });
});
