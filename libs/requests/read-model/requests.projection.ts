import type { Projection, PageRows, Row } from '@cf/event-store';
import { FIRST_HAND_CHANNELS, type RequestEvent, type RequestRaised } from '../domain/requests.events.js';

/** Requests, their responses and linked requirements, as the portal reads them. */
export const requestsProjection: Projection = {
  name: 'requests',
  version: 2,
  tables: ['requests', 'request_responses', 'request_requirements'],
  migrate: async (db) => {
    await db.schema
      .createTable('requests')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('requested_by_id', 'text', (c) => c.notNull())
      .addColumn('relayed_by_id', 'text')
      .addColumn('session_id', 'text')
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('first_response_at', 'text')
      .addColumn('stated_priority', 'text')
      .addColumn('confirmed_priority', 'text')
      .addColumn('first_hand_at', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('requests_by_project').ifNotExists().on('requests').columns(['project_id', 'seq']).execute();
    await db.schema
      .createTable('request_responses')
      .ifNotExists()
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('stance', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('estimate_hours', 'double precision')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('responded_by_id', 'text', (c) => c.notNull())
      .addColumn('responded_by_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('request_responses_pk', ['request_id', 'seq'])
      .execute();
    await db.schema
      .createTable('request_requirements')
      .ifNotExists()
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('request_requirements_pk', ['request_id', 'requirement_id'])
      .execute();
    await db.schema
      .createIndex('request_requirements_by_requirement')
      .ifNotExists()
      .on('request_requirements')
      .columns(['requirement_id'])
      .execute();
  },
  keys: { requests: ['id'], request_responses: ['request_id', 'seq'], request_requirements: ['request_id', 'requirement_id'] },
  project: async (rows, recorded) => {
    if (!recorded.stream.startsWith('request-')) return;
    const event = { type: recorded.type, data: recorded.data } as RequestEvent;
    const seq = Number(recorded.position);
    if (event.type === 'RequestRaised') return raised(rows, event.data, seq, recorded.indexInStream + 1);
    if (event.type === 'RequestResponded') {
      const d = event.data;
      rows.put('request_responses', {
        request_id: d.requestId,
        seq,
        stance: d.stance,
        message: d.message,
        estimate_hours: d.estimateHours ?? null,
        at: d.at,
        responded_by_id: d.respondedBy.userId,
        responded_by_name: d.respondedBy.name,
      });
    }
    const request = await rows.get('requests', { id: event.data.requestId });
    if (request) rows.put('requests', { ...request, ...changesOf(event, request), revision: recorded.indexInStream + 1 });
  },
};

const raised = (rows: PageRows, d: RequestRaised['data'], seq: number, revision: number): void => {
  rows.put('requests', {
    id: d.requestId,
    project_id: d.projectId,
    title: d.title,
    description: d.description,
    kind: d.kind,
    channel: d.channel,
    status: 'OPEN',
    revision,
    requested_by_id: d.requestedById,
    relayed_by_id: d.relayedById ?? null,
    session_id: d.sessionId ?? null,
    raised_at: d.at,
    first_response_at: null,
    stated_priority: d.statedPriority ?? null,
    confirmed_priority: null,
    first_hand_at: FIRST_HAND_CHANNELS.includes(d.channel) ? d.at : null,
    seq,
  });
  for (const requirementId of d.requirementIds)
    rows.put('request_requirements', { request_id: d.requestId, requirement_id: requirementId });
};

/** The columns of a request an event changes. */
const changesOf = (event: RequestEvent, request: Row): Row => {
  switch (event.type) {
    case 'RequestConfirmed':
      // The first priority confirmed stands: a later confirmation is more evidence, never another priority.
      return {
        confirmed_priority: request.confirmed_priority ?? event.data.confirmedPriority ?? null,
        first_hand_at: request.first_hand_at ?? event.data.at,
      };
    case 'RequestResponded':
      // The first answer moves an open request on, and is when the customer first heard back.
      return {
        status: request.status === 'OPEN' ? 'ANSWERED' : request.status,
        first_response_at: request.first_response_at ?? event.data.at,
      };
    case 'RequestRevised': {
      const changed = Object.fromEntries(event.data.changes.map((c) => [c.field, c.to]));
      return {
        ...(changed.title !== undefined ? { title: changed.title } : {}),
        ...(changed.description !== undefined ? { description: changed.description } : {}),
      };
    }
    case 'RequestWithdrawn':
      return { status: 'WITHDRAWN' };
    case 'RequestResolved':
      return { status: 'RESOLVED' };
    default:
      return {};
  }
};
