import { projectionSpecification } from '@test/projection-specification.js';
import { requestsProjection } from './requests.projection.js';

const stream = 'request-r1';
const raised = {
  stream,
  type: 'RequestRaised',
  data: {
    requestId: 'r1',
    projectId: 'p1',
    title: 'Faster login',
    description: 'It takes 9 s.',
    kind: 'CHANGE',
    channel: 'PROXY',
    requestedById: 'c1',
    relayedById: 'c2',
    requirementIds: ['q1', 'q2'],
    statedPriority: 'HIGH',
    at: '2026-03-02T09:00:00.000Z',
  },
};
const responded = (stance: string, at: string) => ({
  stream,
  type: 'RequestResponded',
  data: { requestId: 'r1', projectId: 'p1', stance, message: stance, respondedBy: { userId: 'u-2', name: 'Jonas' }, at },
});
const request = {
  id: 'r1',
  project_id: 'p1',
  title: 'Faster login',
  description: 'It takes 9 s.',
  kind: 'CHANGE',
  channel: 'PROXY',
  status: 'OPEN',
  revision: 1,
  requested_by_id: 'c1',
  relayed_by_id: 'c2',
  session_id: null,
  raised_at: '2026-03-02T09:00:00.000Z',
  first_response_at: null,
  stated_priority: 'HIGH',
  confirmed_priority: null,
  first_hand_at: null,
  seq: 1,
};
const response = (seq: number, stance: string, at: string) => ({
  request_id: 'r1',
  seq,
  stance,
  message: stance,
  estimate_hours: null,
  at,
  responded_by_id: 'u-2',
  responded_by_name: 'Jonas',
});

describe('the requests projection', () => {
  const spec = projectionSpecification(requestsProjection);

  it('lists a raised request with its linked requirements', () =>
    spec
      .given([])
      .when([raised])
      .then({
        requests: [request],
        request_requirements: [
          { request_id: 'r1', requirement_id: 'q1' },
          { request_id: 'r1', requirement_id: 'q2' },
        ],
      }));

  it('answers a request at its first response and keeps when that was, in the same page as its raising', () =>
    spec
      .given([])
      .when([raised, responded('CLARIFY', '2026-03-03T10:00:00.000Z'), responded('ACCEPT', '2026-03-04T10:00:00.000Z')])
      .then({
        requests: [{ ...request, status: 'ANSWERED', revision: 3, first_response_at: '2026-03-03T10:00:00.000Z' }],
        request_responses: [response(2, 'CLARIFY', '2026-03-03T10:00:00.000Z'), response(3, 'ACCEPT', '2026-03-04T10:00:00.000Z')],
      }));

  it('takes the first confirmation as first-hand and the first priority stated, across pages', () =>
    spec
      .given([raised])
      .when([
        {
          stream,
          type: 'RequestConfirmed',
          data: {
            requestId: 'r1',
            projectId: 'p1',
            contactId: 'c1',
            via: 'SESSION',
            confirmedPriority: 'LOW',
            confirmedBy: { userId: 'u-1', name: 'Una' },
            at: '2026-03-05T00:00:00.000Z',
          },
        },
        {
          stream,
          type: 'RequestConfirmed',
          data: {
            requestId: 'r1',
            projectId: 'p1',
            contactId: 'c1',
            via: 'SESSION',
            confirmedBy: { userId: 'u-1', name: 'Una' },
            at: '2026-03-06T00:00:00.000Z',
          },
        },
        {
          stream,
          type: 'RequestRevised',
          data: {
            requestId: 'r1',
            projectId: 'p1',
            revision: 4,
            changes: [{ field: 'title', from: 'Faster login', to: 'Login under 2 s' }],
            reason: 'Clearer',
            at: '2026-03-07T00:00:00.000Z',
          },
        },
        {
          stream,
          type: 'RequestWithdrawn',
          data: { requestId: 'r1', projectId: 'p1', reason: 'Replanned', at: '2026-03-08T00:00:00.000Z' },
        },
      ])
      .then({
        requests: [
          {
            ...request,
            title: 'Login under 2 s',
            status: 'WITHDRAWN',
            revision: 5,
            confirmed_priority: 'LOW', // the later confirmation stated none: the one stated before stands
            first_hand_at: '2026-03-05T00:00:00.000Z',
          },
        ],
      }));

  it('ignores events of other streams and events about requests it never saw', () =>
    spec
      .given([{ stream: 'project-p1', type: 'ProjectOpened', data: { projectId: 'p1' } }])
      .when([
        {
          stream: 'request-r9',
          type: 'RequestResolved',
          data: { requestId: 'r9', projectId: 'p1', resolution: 'Done', at: '2026-03-08T00:00:00.000Z' },
        },
      ])
      .then({ requests: [], request_responses: [] }));
});
