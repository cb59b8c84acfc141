import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';

type Data = Record<string, any>;

/**
 * Keeps each request's title (as revised) and when it was raised, first answered and closed: what the dispatcher needs to
 * tell, once its working-hours deadline has passed, whether its first response was overdue.
 */
export const recordRequest = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const d = recorded.data as Data;
  const at = (d.at as string | undefined) ?? recorded.metadata.occurredAt;
  switch (recorded.type) {
    case 'RequestRaised':
      await trx.insertInto('webhook_requests').values({
        request_id: d.requestId, project_id: d.projectId, title: d.title, kind: d.kind, channel: d.channel,
        raised_position: Number(recorded.position), raised_at: at, first_response_at: null, closed_at: null,
      }).execute();
      return;
    case 'RequestRevised': {
      const title = (d.changes as { field: string; to: unknown }[]).find((change) => change.field === 'title');
      if (title) await trx.updateTable('webhook_requests').set({ title: String(title.to) }).where('request_id', '=', d.requestId).execute();
      return;
    }
    case 'RequestResponded':
      await trx.updateTable('webhook_requests').set({ first_response_at: at }).where('request_id', '=', d.requestId).where('first_response_at', 'is', null).execute();
      return;
    default:
      await trx.updateTable('webhook_requests').set({ closed_at: at }).where('request_id', '=', d.requestId).where('closed_at', 'is', null).execute();
  }
};
