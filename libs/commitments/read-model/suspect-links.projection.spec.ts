import { projectionSpecification } from '@test/projection-specification.js';
import {
  commitmentRevised,
  commitmentWithdrawn,
  made,
  requestWithdrawn,
  requirementRevised,
  suspectOfC1,
} from './commitments.projection.spec-fixtures.js';
import { commitmentsProjection } from './commitments.projection.js';

const revisedBefore = (reason: string) => ({ kind: 'REQUIREMENT', target_id: 'q1', reason: `The requirement was revised: ${reason}` });

describe("the commitments projection's suspect links", () => {
  const spec = projectionSpecification(commitmentsProjection);

  it('does not mark a link made after its target changed', () =>
    spec
      .given([requirementRevised('Scope cut')])
      .when([made()])
      .then(
        {
          commitment_link_target_changes: [{ ...revisedBefore('Scope cut'), seq: 1 }],
          commitment_requirements: [{ commitment_id: 'c1', requirement_id: 'q1', seq: 2 }],
        },
        async (db) => expect(await suspectOfC1(db)).toEqual({ suspectLinks: [], suspect: 0 }),
      ));

  it("marks a link made between two of its target's changes at the second", () =>
    spec
      .given([requirementRevised('Scope cut'), made()])
      .when([requirementRevised('Scope cut again')])
      .then({ commitment_link_target_changes: [{ ...revisedBefore('Scope cut again'), seq: 3 }] }, async (db) =>
        expect(await suspectOfC1(db)).toEqual({ suspectLinks: [revisedBefore('Scope cut again')], suspect: 1 }),
      ));

  it('marks a link to a withdrawn request, and lists suspect links in the order their targets changed', () =>
    spec
      .given([made(['r1', 'r2'])])
      .when([requestWithdrawn('r2', 'Not needed'), requirementRevised('Scope cut')])
      .then(
        {
          commitment_link_target_changes: [
            { kind: 'REQUEST', target_id: 'r2', reason: 'The request was withdrawn: Not needed', seq: 2 },
            { ...revisedBefore('Scope cut'), seq: 3 },
          ],
          commitment_requests: [
            { commitment_id: 'c1', request_id: 'r1', seq: 1 },
            { commitment_id: 'c1', request_id: 'r2', seq: 1 },
          ],
        },
        async (db) =>
          expect(await suspectOfC1(db)).toEqual({
            suspectLinks: [
              { kind: 'REQUEST', target_id: 'r2', reason: 'The request was withdrawn: Not needed' },
              revisedBefore('Scope cut'),
            ],
            suspect: 1,
          }),
      ));

  it('keeps the suspect links a commitment had when withdrawn, not those after; it no longer counts as suspect', () =>
    spec
      .given([made(), requirementRevised('Scope cut')])
      .when([commitmentWithdrawn, requirementRevised('Scope cut again')])
      .then(
        {
          commitment_link_target_changes: [{ ...revisedBefore('Scope cut again'), seq: 4 }],
          commitment_suspect_links_at_stop: [{ commitment_id: 'c1', ...revisedBefore('Scope cut'), seq: 2 }],
        },
        async (db) => expect(await suspectOfC1(db)).toEqual({ suspectLinks: [revisedBefore('Scope cut')], suspect: 0 }),
      ));

  it('has no suspect link kept at withdrawal after a revision cleared them', () =>
    spec
      .given([made(), requirementRevised('Scope cut'), commitmentRevised(['q1'])])
      .when([commitmentWithdrawn, requirementRevised('Scope cut again')])
      .then({ commitment_suspect_links_at_stop: [] }, async (db) =>
        expect(await suspectOfC1(db)).toEqual({ suspectLinks: [], suspect: 0 }),
      ));
});
