import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import type { RequestEvent } from '@cf/requests';

/**
 * Keeps each request's title (as revised) and when it was raised, first answered and closed: what the dispatcher needs to
 * tell, once its working-hours deadline has passed, whether its first response was overdue.
 */
export const recordRequest = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as RequestEvent;
  const d = event.data;
  const at = d.at ?? recorded.metadata.occurredAt;
  switch (event.type) {
    case 'RequestRaised':
      await trx
        .insertInto('webhook_requests')
        .values({
          request_id: d.requestId,
          project_id: d.projectId,
          title: event.data.title,
          kind: event.data.kind,
          channel: event.data.channel,
          raised_position: Number(recorded.position),
          raised_at: at,
          first_response_at: null,
          closed_at: null,
        })
        .execute();
      return;
    case 'RequestRevised': {
      const title = event.data.changes.find((change) => change.field === 'title');
      if (title)
        await trx
          .updateTable('webhook_requests')
          .set({ title: String(title.to) })
          .where('request_id', '=', d.requestId)
          .execute();
      return;
    }
    case 'RequestResponded':
      await trx
        .updateTable('webhook_requests')
        .set({ first_response_at: at })
        .where('request_id', '=', d.requestId)
        .where('first_response_at', 'is', null)
        .execute();
      return;
    default:
      await trx
        .updateTable('webhook_requests')
        .set({ closed_at: at })
        .where('request_id', '=', d.requestId)
        .where('closed_at', 'is', null)
        .execute();
  }
};
