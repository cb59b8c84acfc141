import { type EventStore, type RecordedEvent, requireWholeLog } from '@cf/event-store';
import { entityOf } from '../read-model/audit.projection.js';
import { asAForgottenContactShows } from '../read-model/forgotten-contact.js';
import { eventsAfter } from './event-batches.js';
import { forgottenActors } from './forgotten-actors.js';
import { toNdjsonLine } from './ndjson.js';

export interface ExportOptions {
  /** Only the project's streams: its own and every stream whose events name it as projectId. */
  projectId?: string;
  /**
   * For reading by people, not for import: each event is passed through this (e.g. unsealing
   * personal data to plaintext or [forgotten]); its hashes then no longer match its data.
   */
  render?: (event: RecordedEvent) => Promise<RecordedEvent>;
  onProgress?: (position: bigint) => void;
}

/**
 * Whether an event is of a forgotten contact: their stream holds ContactForgotten (asked once per
 * contact, when their first event comes). The log decides, not a missing key: a sealed export is
 * written without the key store, a log copied without its keys file has forgotten no one's
 * department, and it is what the audit log forgets on.
 */
const ofForgottenContact = (store: EventStore) => {
  const forgotten = new Map<string, boolean>();
  const isForgotten = async (stream: string): Promise<boolean> => {
    let known = forgotten.get(stream);
    if (known === undefined) {
      known = (await store.readStream(stream, { raw: true })).some((e) => e.type === 'ContactForgotten');
      forgotten.set(stream, known);
    }
    return known;
  };
  return {
    isForgotten,
    ofForgotten: async (event: RecordedEvent): Promise<boolean> =>
      entityOf(event.stream, event.data).kind === 'contact' && (await isForgotten(event.stream)),
  };
};

/**
 * Writes NDJSON lines in global order; returns how many events were written. An export rendered
 * for people to read (`render`, i.e. --unseal) writes a forgotten contact's events as the audit
 * log shows them (asAForgottenContactShows), and the name their CUSTOMER member acted under as
 * `[forgotten]` (forgottenActors). A sealed export is the log as stored, so that it
 * imports and verifies: its sealed fields forget with the key, organisation and department stay
 * as plain as in the store (README, known limits).
 */
export const exportEvents = async (
  store: EventStore,
  write: (line: string) => Promise<void>,
  options: ExportOptions = {},
): Promise<number> => {
  // Exported, a log only begun would import elsewhere as whole.
  await requireWholeLog(store);
  const projectStreams = new Set<string>(options.projectId ? [`project-${options.projectId}`] : []);
  const forgotten = ofForgottenContact(store);
  const actorShown = forgottenActors(forgotten.isForgotten);
  const shownToPeople = async (stored: RecordedEvent): Promise<RecordedEvent> => {
    const event = await actorShown(stored);
    return (await forgotten.ofForgotten(event)) ? { ...event, data: asAForgottenContactShows(event.data) } : event;
  };
  let written = 0;
  for await (const stored of eventsAfter(store)) {
    options.onProgress?.(stored.position);
    if (options.projectId) {
      if (stored.data.projectId === options.projectId) projectStreams.add(stored.stream);
      if (!projectStreams.has(stored.stream)) continue;
    }
    await write(`${toNdjsonLine(options.render ? await options.render(await shownToPeople(stored)) : stored)}\n`);
    written += 1;
  }
  return written;
};
