import { projectionSpecification } from '@test/projection-specification.js';
import type { ReadModelDb } from '@cf/event-store';
import { commitmentWithdrawn, made } from './commitments.projection.spec-fixtures.js';
import { commitmentsProjection } from './commitments.projection.js';

/** c1 and c2 each promise 60 h from a budget of 100 h (no baseline: all from the reserve). */
const opened = { stream: 'project-p1', type: 'ProjectOpened', data: { projectId: 'p1', budgetHours: 100 } };
const sixtyHours = (commitmentId: string) => {
  const event = made();
  return { ...event, data: { ...event.data, commitmentId, requirementIds: [], estimateHours: 60 } };
};
/** A change order that keeps the budget and pays for c2: c2 now draws first. */
const coversC2 = {
  stream: 'budget-p1',
  type: 'BudgetChanged',
  data: {
    projectId: 'p1',
    fromHours: 100,
    toHours: 100,
    reason: 'Change order',
    coversCommitmentIds: ['c2'],
    at: '2026-03-03T09:00:00.000Z',
  },
};

const standingToday = async (db: ReadModelDb) =>
  db.selectFrom('commitments').select(['id', 'current_outside_budget', 'current_exceeds_budget_by_hours']).orderBy('id').execute();

describe("the commitments projection: today's standing in the draw order", () => {
  const spec = projectionSpecification(commitmentsProjection);
  const given = [opened, sixtyHours('c1'), sixtyHours('c2'), coversC2];

  it('puts a covered commitment first, so the one made before it no longer fits', () =>
    spec
      .given(given)
      .when([])
      .then({}, async (db) =>
        expect(await standingToday(db)).toEqual([
          { id: 'c1', current_outside_budget: 1, current_exceeds_budget_by_hours: 20 },
          { id: 'c2', current_outside_budget: 0, current_exceeds_budget_by_hours: 0 },
        ]),
      ));

  it('judges again every uncovered commitment after a covered one that stops drawing, though the page has not read them', () =>
    spec
      .given(given)
      .when([{ ...commitmentWithdrawn, data: { ...commitmentWithdrawn.data, commitmentId: 'c2' } }])
      .then({}, async (db) =>
        expect(await standingToday(db)).toEqual([
          { id: 'c1', current_outside_budget: 0, current_exceeds_budget_by_hours: 0 },
          { id: 'c2', current_outside_budget: 0, current_exceeds_budget_by_hours: 0 },
        ]),
      ));
});
