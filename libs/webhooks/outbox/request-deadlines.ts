import type { PageRows, RecordedEvent } from '@cf/event-store';
import type { RequestEvent } from '@cf/requests';
import { AWAITING_CHECK_TABLE } from './outbox.tables.js';

interface RequestRow {
  title: string;
  first_response_at: string | null;
  closed_at: string | null;
}

/** What an event after the request was raised changes in its row, if anything: the title as revised, the first answer and the close, each once. */
const changeOf = (event: RequestEvent, row: RequestRow, at: string): Partial<RequestRow> | undefined => {
  switch (event.type) {
    case 'RequestRevised': {
      const title = event.data.changes.find((change) => change.field === 'title');
      return title ? { title: String(title.to) } : undefined;
    }
    case 'RequestResponded':
      return row.first_response_at === null ? { first_response_at: at } : undefined;
    default:
      return row.closed_at === null ? { closed_at: at } : undefined;
  }
};

/**
 * Keeps each request's title (as revised) and when it was raised, first answered and closed: what the dispatcher needs to
 * tell, once its working-hours deadline has passed, whether its first response was overdue.
 */
export const recordRequest = async (rows: PageRows, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as RequestEvent;
  const d = event.data;
  const at = d.at ?? recorded.metadata.occurredAt;
  if (event.type === 'RequestRaised') {
    rows.put('webhook_requests', {
      request_id: d.requestId,
      project_id: d.projectId,
      title: event.data.title,
      kind: event.data.kind,
      channel: event.data.channel,
      raised_position: Number(recorded.position),
      raised_at: at,
      first_response_at: null,
      closed_at: null,
    });
    // The dispatcher takes it out once checked: only inserted, never written back.
    rows.insertIfAbsent(AWAITING_CHECK_TABLE, { request_id: d.requestId, raised_at: at });
    return;
  }
  const row = await rows.get<RequestRow>('webhook_requests', { request_id: d.requestId });
  if (!row) return;
  const change = changeOf(event, row, at);
  if (change) rows.put('webhook_requests', { ...row, ...change });
};
