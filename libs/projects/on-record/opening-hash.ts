import { DomainError, streamName } from '@cf/core';
import type { EventStore } from '@cf/event-store';

/**
 * The hash of the event that opened a project: fixed for good (history never changes, and migrate
 * carries the hashes over), yet known only to those who may read the project's audit trail, since
 * it covers the opening's metadata (its time and correlation id). Ids derived from it and a name
 * (a requirement's from its key) are stable, and tell an outsider nothing.
 */
export const openingHashOf = async (store: Pick<EventStore, 'readStream'>, projectId: string): Promise<string> => {
  const [opened] = await store.readStream(streamName('project', projectId));
  if (!opened) throw DomainError.notFound('Project', projectId);
  return opened.hash;
};
