import { projectionSpecification } from '@test/projection-specification.js';
import { commitmentRevised, made, requirementRevised, suspectOfC1 } from './commitments.projection.spec-fixtures.js';
import { commitmentsProjection } from './commitments.projection.js';

const counters = (suspect: number) => [
  { project_id: 'p1', counter: 'total', value: 1 },
  { project_id: 'p1', counter: 'status.ACCEPTED', value: 1 },
  { project_id: 'p1', counter: 'suspect', value: suspect },
];

describe('the commitments projection', () => {
  const spec = projectionSpecification(commitmentsProjection);

  it('keeps a revised requirement as one row, its latest change, and so marks the link made before it suspect', () =>
    spec
      .given([made()])
      .when([requirementRevised('Scope cut'), requirementRevised('Scope cut again')])
      .then(
        {
          commitment_link_target_changes: [
            { kind: 'REQUIREMENT', target_id: 'q1', reason: 'The requirement was revised: Scope cut again', seq: 3 },
          ],
          commitment_requirements: [{ commitment_id: 'c1', requirement_id: 'q1', seq: 1 }],
          commitment_suspect_links_at_stop: [],
          commitment_counters: counters(1),
        },
        async (db) =>
          expect(await suspectOfC1(db)).toEqual({
            suspectLinks: [{ kind: 'REQUIREMENT', target_id: 'q1', reason: 'The requirement was revised: Scope cut again' }],
            suspect: 1,
          }),
      ));

  it('clears suspect links and replaces the links when the commitment is revised, in the same page', () =>
    spec
      .given([])
      .when([made(), requirementRevised('Scope cut'), commitmentRevised(['q2'])])
      .then(
        {
          commitment_requirements: [{ commitment_id: 'c1', requirement_id: 'q2', seq: 3 }],
          commitment_counters: counters(0),
        },
        async (db) => expect(await suspectOfC1(db)).toEqual({ suspectLinks: [], suspect: 0 }),
      ));

  it('clears suspect links when the commitment is revised keeping its links: they count as made at the revision', () =>
    spec
      .given([made(), requirementRevised('Scope cut')])
      .when([commitmentRevised(['q1'])])
      .then(
        {
          commitment_link_target_changes: [
            { kind: 'REQUIREMENT', target_id: 'q1', reason: 'The requirement was revised: Scope cut', seq: 2 },
          ],
          commitment_requirements: [{ commitment_id: 'c1', requirement_id: 'q1', seq: 3 }],
          commitment_counters: counters(0),
        },
        async (db) => expect(await suspectOfC1(db)).toEqual({ suspectLinks: [], suspect: 0 }),
      ));
});
