import fc from 'fast-check';
import type { BudgetCommand } from '../../libs/commitments/domain/commitments.commands.js';
import type { ContactFact, RequestFact } from '../../libs/commitments/domain/commitments.facts.js';
import { moment } from './fold-properties.js';

/**
 * Random decisions on one project's budget stream, over a small fixed world: the project opened
 * with 100 h, requirements R1–R3, contacts Dora (may approve scope) and Pat (may not), and
 * requests Q1 (asked first-hand by Dora), Q2 (relayed from Dora by a proxy: unconfirmed) and Q3
 * (written by Pat). Ids repeat on purpose, so that commands meet existing and final commitments.
 */
export const P = 'p-1';
export const OPENING_BUDGET = 100;
const manager = { userId: 'u-mia', name: 'Mia' };
const dora: ContactFact = { id: 'c-dora', projectId: P, canApproveScope: true, name: 'Dora' };
const pat: ContactFact = { id: 'c-pat', projectId: P, canApproveScope: false, name: 'Pat' };
export const REQUESTS: Record<string, RequestFact> = {
  Q1: { id: 'Q1', projectId: P, askedWithAuthority: true, requesterName: 'Dora' },
  Q2: { id: 'Q2', projectId: P, askedWithAuthority: false, requesterName: 'Dora' },
  Q3: { id: 'Q3', projectId: P, askedWithAuthority: false, requesterName: 'Pat' },
};
const ids = fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5');
// Whole, half and cent hours: draws spread over requirements by their estimates leave fractions of a cent.
const hours = fc.oneof(
  fc.integer({ min: 1, max: 60 }),
  fc.integer({ min: 1, max: 120 }).map((n) => n / 2),
  fc.integer({ min: 1, max: 6000 }).map((n) => n / 100),
);
const requirementIds = fc.subarray(['R1', 'R2', 'R3']);
const requestIds = fc.subarray(['Q1', 'Q2', 'Q3']);
const facts = (list: string[]) => ({ requirements: list.map((id) => ({ id, projectId: P })) });

const command = (minute: number): fc.Arbitrary<BudgetCommand> => {
  const base = { at: moment(minute), actor: manager, openingBudgetHours: OPENING_BUDGET };
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({ id: ids, estimateHours: hours, reqs: requirementIds, asks: requestIds, developer: fc.boolean(), toPat: fc.boolean() })
        .map(({ id, estimateHours, reqs, asks, developer, toPat }): BudgetCommand => ({
          ...base,
          type: 'MakeCommitment',
          commitmentId: id,
          projectId: P,
          summary: `Promise ${id}`,
          madeToId: (toPat ? pat : dora).id,
          madeTo: toPat ? pat : dora,
          requestIds: asks,
          requests: asks.map((q) => REQUESTS[q]),
          requirementIds: reqs,
          ...facts(reqs),
          estimateHours,
          makerRole: developer ? 'DEVELOPER' : 'MANAGER',
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          id: ids,
          estimateHours: fc.option(hours, { nil: undefined }),
          reqs: fc.option(requirementIds, { nil: undefined }),
          asks: fc.option(requestIds, { nil: undefined }),
          developer: fc.boolean(),
        })
        .map(({ id, estimateHours, reqs, asks, developer }): BudgetCommand => ({
          ...base,
          type: 'ReviseCommitment',
          commitmentId: id,
          reason: 'Learned more',
          madeTo: dora,
          reviserRole: developer ? 'DEVELOPER' : 'MANAGER',
          ...(estimateHours !== undefined ? { estimateHours } : {}),
          ...(reqs !== undefined ? { requirementIds: reqs, ...facts(reqs) } : {}),
          ...(asks !== undefined ? { requestIds: asks, requests: asks.map((q) => REQUESTS[q]) } : {}),
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          id: ids,
          type: fc.constantFrom('ApproveCommitment', 'RejectCommitment', 'WithdrawCommitment', 'DeliverCommitment' as const),
        })
        .map(
          ({ id, type }): BudgetCommand => ({ ...base, type, commitmentId: id, note: 'Decided', approverRole: 'MANAGER' }) as BudgetCommand,
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ budgetHours: fc.integer({ min: 0, max: 300 }), covers: fc.subarray(['C1', 'C2', 'C3']), signed: fc.boolean() })
        .map(({ budgetHours, covers, signed }): BudgetCommand => ({
          ...base,
          type: 'ChangeBudget',
          projectId: P,
          budgetHours,
          reason: 'Change order',
          projectStreamEvents: 1,
          coversCommitmentIds: covers,
          ...(signed ? { countersignedById: dora.id, countersignedBy: dora } : {}),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ estimates: fc.tuple(hours, hours, hours), withR3: fc.boolean() })
        .map(({ estimates, withR3 }): BudgetCommand => ({
          ...base,
          type: 'ApproveBaseline',
          projectId: P,
          baselineId: `b-${minute}`,
          name: `Baseline ${minute}`,
          countersignedById: dora.id,
          countersignedBy: dora,
          requirements: ['R1', 'R2', 'R3']
            .slice(0, withR3 ? 3 : 2)
            .map((id, i) => ({ requirementId: id, key: id, revision: 1, estimateHours: estimates[i] })),
        })),
    },
  );
};

/**
 * A change order that covers a commitment, then a revision of it (more or fewer hours, other
 * requirements or not): the path where a cover ends, which independent random commands would
 * almost never take (an unsigned cover is refused, and the revision must name the same one).
 */
const coverThenRevise = (minute: number): fc.Arbitrary<BudgetCommand[]> =>
  fc
    .record({
      id: ids,
      budgetHours: fc.integer({ min: 0, max: 300 }),
      estimateHours: hours,
      reqs: fc.option(requirementIds, { nil: undefined }),
      developer: fc.boolean(),
    })
    .map(({ id, budgetHours, estimateHours, reqs, developer }): BudgetCommand[] => [
      {
        at: moment(minute),
        actor: manager,
        openingBudgetHours: OPENING_BUDGET,
        type: 'ChangeBudget',
        projectId: P,
        budgetHours,
        reason: 'Change order',
        projectStreamEvents: 1,
        coversCommitmentIds: [id],
        countersignedById: dora.id,
        countersignedBy: dora,
      },
      {
        at: moment(minute + 5),
        actor: manager,
        openingBudgetHours: OPENING_BUDGET,
        type: 'ReviseCommitment',
        commitmentId: id,
        reason: 'Learned more',
        madeTo: dora,
        reviserRole: developer ? 'DEVELOPER' : 'MANAGER',
        estimateHours,
        ...(reqs !== undefined ? { requirementIds: reqs, ...facts(reqs) } : {}),
      },
    ]);

/** Up to 30 steps (as many as fast-check's largest size gives), each one command or a cover and a revision. */
export const budgetCommands: fc.Arbitrary<BudgetCommand[]> = fc
  .array(fc.constant(0), { maxLength: 30, size: 'max' })
  .chain((slots) =>
    fc.tuple(
      ...slots.map((_, i) =>
        fc.oneof(
          { weight: 6, arbitrary: command(10 + i * 10).map((one) => [one]) },
          { weight: 1, arbitrary: coverThenRevise(10 + i * 10) },
        ),
      ),
    ),
  )
  .map((steps) => steps.flat());
