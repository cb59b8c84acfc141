import { projectionSpecification } from '@test/projection-specification.js';
import { requirementsProjection } from './requirements.projection.js';

const stream = 'requirement-q1';
const maria = { userId: 'maria', name: 'Maria' };
const added = {
  stream,
  type: 'RequirementAdded',
  data: {
    requirementId: 'q1',
    projectId: 'p1',
    key: 'R1',
    title: 'Login',
    text: 'Users log in.',
    estimateHours: 40,
    trigger: { kind: 'INTERNAL' },
    revision: 1,
    by: maria,
    at: '2026-03-02T09:00:00.000Z',
  },
};
const revised = {
  stream,
  type: 'RequirementRevised',
  data: {
    requirementId: 'q1',
    projectId: 'p1',
    revision: 2,
    title: 'Login',
    text: 'Users log in with SSO.',
    estimateHours: 48,
    reason: 'Asked in the workshop',
    trigger: { kind: 'SESSION', sessionId: 's1' },
    changes: [{ field: 'text', from: 'Users log in.', to: 'Users log in with SSO.' }],
    by: maria,
    at: '2026-03-03T09:00:00.000Z',
  },
};
const removed = {
  stream,
  type: 'RequirementRemoved',
  data: {
    requirementId: 'q1',
    projectId: 'p1',
    reason: 'Out of scope',
    trigger: { kind: 'INTERNAL' },
    by: maria,
    at: '2026-03-04T09:00:00.000Z',
  },
};
const revision = (n: number, fields: Record<string, unknown>) => ({
  requirement_id: 'q1',
  revision: n,
  title: 'Login',
  by_id: 'maria',
  by_name: 'Maria',
  trigger_channel: null,
  trigger_session_id: null,
  trigger_request_id: null,
  trigger_kind: 'INTERNAL',
  removal: 0,
  seq: n,
  ...fields,
});

describe('the requirements projection', () => {
  it('keeps a requirement as it stands and every revision, its removal included, from one page', () =>
    projectionSpecification(requirementsProjection)
      .given([])
      .when([added, revised, removed])
      .then({
        requirements: [
          {
            id: 'q1',
            project_id: 'p1',
            key: 'R1',
            title: 'Login',
            text: 'Users log in with SSO.',
            estimate_hours: 48,
            revision: 3,
            removed: 1,
            seq: 1,
            updated_at: '2026-03-04T09:00:00.000Z',
          },
        ],
        requirement_revisions: [
          revision(1, {
            text: 'Users log in.',
            estimate_hours: 40,
            reason: null,
            at: '2026-03-02T09:00:00.000Z',
            // What it was added with, from nothing.
            changes: JSON.stringify([
              { field: 'title', from: null, to: 'Login' },
              { field: 'text', from: null, to: 'Users log in.' },
              { field: 'estimateHours', from: null, to: 40 },
            ]),
          }),
          revision(2, {
            text: 'Users log in with SSO.',
            estimate_hours: 48,
            reason: 'Asked in the workshop',
            at: '2026-03-03T09:00:00.000Z',
            trigger_kind: 'SESSION',
            trigger_channel: 'DIRECT',
            trigger_session_id: 's1',
            changes: JSON.stringify(revised.data.changes),
          }),
          revision(3, {
            text: 'Users log in with SSO.',
            estimate_hours: 48,
            reason: 'Out of scope',
            at: '2026-03-04T09:00:00.000Z',
            removal: 1,
            changes: JSON.stringify([{ field: 'removed', from: 'false', to: 'true' }]),
          }),
        ],
      }));
});
