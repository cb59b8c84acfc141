import {
  type EventStoreDBClient,
  type ReadStreamOptions,
  type ResolvedEvent,
  BACKWARDS,
  END,
  FORWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { type ServerEvent, toPosition } from './eventstoredb-mapping.js';

/** Small reads over the client that the store and its idempotency keys share. */

const serverEventOf = (resolved: ResolvedEvent): ServerEvent | undefined =>
  resolved.event
    ? {
        streamId: resolved.event.streamId,
        revision: resolved.event.revision,
        type: resolved.event.type,
        data: resolved.event.data,
        metadata: resolved.event.metadata,
        position: toPosition(resolved.event.position?.commit, resolved.commitPosition),
      }
    : undefined;

/** Every event of a stream in revision order (from `fromRevision` on); [] when the stream does not exist. */
export const readWholeStream = async (client: EventStoreDBClient, stream: string, fromRevision = 0): Promise<ServerEvent[]> => {
  const events: ServerEvent[] = [];
  try {
    for await (const resolved of client.readStream(stream, { direction: FORWARDS, fromRevision: BigInt(fromRevision) })) {
      const event = serverEventOf(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
};

/** The last event of a stream (or the one at `revision`), undefined when there is none. */
export const readLastEvent = async (client: EventStoreDBClient, stream: string, revision?: number): Promise<ServerEvent | undefined> => {
  const from: ReadStreamOptions =
    revision === undefined ? { direction: BACKWARDS, fromRevision: END } : { direction: FORWARDS, fromRevision: BigInt(revision) };
  try {
    for await (const resolved of client.readStream(stream, { ...from, maxCount: 1 })) {
      return serverEventOf(resolved);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return undefined;
};

export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionError => error instanceof WrongExpectedVersionError;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
