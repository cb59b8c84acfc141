import type { EventStore } from '@cf/event-store';

/**
 * The project an entity belongs to, read from the first event of its stream (every creating event
 * names its `projectId`). A context checks a reference to another context's entity this way: from
 * the log, without reading that context's tables or importing it against the layering.
 */
export const projectOfStream = async (store: EventStore, stream: string): Promise<string | null> => {
  const [created] = await store.readStream(stream);
  const projectId = (created?.data as { projectId?: unknown } | undefined)?.projectId;
  return typeof projectId === 'string' ? projectId : null;
};
