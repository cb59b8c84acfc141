import { streamName } from '@cf/core';
import type { RecordedEvent } from '@cf/event-store';
import type { EventSourcing } from '@cf/ledger';
import { auditReadModel } from '../read-model/audit.read-model.js';

/**
 * Every stream of a project, each read raw from the store (the chains are over stored data).
 * Which streams: the project's own, then the ones its audit rows name, in the order they began.
 */
export const readProjectStreams = async (eventSourcing: EventSourcing, projectId: string): Promise<RecordedEvent[][]> => {
  const own = streamName('project', projectId);
  const named = await auditReadModel(eventSourcing.readModels).streamsOfProject(projectId);
  const streams = [own, ...named.filter((stream) => stream !== own)];
  return Promise.all(streams.map((stream) => eventSourcing.store.readStream(stream, { raw: true })));
};

/** A project's events in the order of the log. */
export const inLogOrder = (streams: readonly RecordedEvent[][]): RecordedEvent[] =>
  streams.flat().sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
