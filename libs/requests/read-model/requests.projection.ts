import type { Projection, ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import { FIRST_HAND_CHANNELS, type RequestEvent } from '../domain/requests.events.js';

/** Requests, their responses and linked requirements, as the portal reads them. */
export const requestsProjection: Projection = {
  name: 'requests',
  version: 2,
  tables: ['requests', 'request_responses', 'request_requirements'],
  migrate: async (db) => {
    await db.schema.createTable('requests').ifNotExists()
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
    await db.schema.createTable('request_responses').ifNotExists()
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
    await db.schema.createTable('request_requirements').ifNotExists()
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('request_requirements_pk', ['request_id', 'requirement_id'])
      .execute();
    await db.schema.createIndex('request_requirements_by_requirement').ifNotExists()
      .on('request_requirements').columns(['requirement_id']).execute();
  },
  apply: async (trx, recorded) => {
    if (!recorded.stream.startsWith('request-')) return;
    await applyRequestEvent(trx, { type: recorded.type, data: recorded.data } as RequestEvent, recorded);
    await trx.updateTable('requests').set({ revision: recorded.revision + 1 }).where('id', '=', recorded.data.requestId).execute();
  },
};

const applyRequestEvent = async (trx: ReadModelTransaction, event: RequestEvent, recorded: RecordedEvent): Promise<void> => {
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'RequestRaised': {
      const d = event.data;
      await trx.insertInto('requests').values({
        id: d.requestId, project_id: d.projectId, title: d.title, description: d.description, kind: d.kind,
        channel: d.channel, status: 'OPEN', revision: recorded.revision + 1, requested_by_id: d.requestedById,
        relayed_by_id: d.relayedById ?? null, session_id: d.sessionId ?? null, raised_at: d.at, first_response_at: null,
        stated_priority: d.statedPriority ?? null, confirmed_priority: null, first_hand_at: FIRST_HAND_CHANNELS.includes(d.channel) ? d.at : null, seq,
      }).execute();
      for (const requirementId of d.requirementIds) {
        await trx.insertInto('request_requirements').values({ request_id: d.requestId, requirement_id: requirementId }).execute();
      }
      return;
    }
    case 'RequestConfirmed': {
      const d = event.data;
      await trx.updateTable('requests').set({ confirmed_priority: d.confirmedPriority ?? null }).where('id', '=', d.requestId).execute();
      await trx.updateTable('requests').set({ first_hand_at: d.at }).where('id', '=', d.requestId).where('first_hand_at', 'is', null).execute();
      return;
    }
    case 'RequestResponded': {
      const d = event.data;
      await trx.insertInto('request_responses').values({
        request_id: d.requestId, seq, stance: d.stance, message: d.message, estimate_hours: d.estimateHours ?? null,
        at: d.at, responded_by_id: d.respondedBy.userId, responded_by_name: d.respondedBy.name,
      }).execute();
      // The first answer moves an open request on, and is when the customer first heard back.
      await trx.updateTable('requests').set({ status: 'ANSWERED' }).where('id', '=', d.requestId).where('status', '=', 'OPEN').execute();
      await trx.updateTable('requests').set({ first_response_at: d.at }).where('id', '=', d.requestId).where('first_response_at', 'is', null).execute();
      return;
    }
    case 'RequestRevised': {
      const changed = Object.fromEntries(event.data.changes.map((c) => [c.field, c.to]));
      const set = { ...(changed.title !== undefined ? { title: changed.title } : {}), ...(changed.description !== undefined ? { description: changed.description } : {}) };
      if (Object.keys(set).length > 0) await trx.updateTable('requests').set(set).where('id', '=', event.data.requestId).execute();
      return;
    }
    case 'RequestWithdrawn':
      await trx.updateTable('requests').set({ status: 'WITHDRAWN' }).where('id', '=', event.data.requestId).execute();
      return;
    case 'RequestResolved':
      await trx.updateTable('requests').set({ status: 'RESOLVED' }).where('id', '=', event.data.requestId).execute();
  }
};
