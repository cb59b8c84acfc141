import type { RecordedEvent } from './event-store.js';

/**
 * An append condition over facts of a kind rather than of one stream, in the manner of Dynamic
 * Consistency Boundaries: a decision that read every session of a project, or every requirement,
 * up to position `after` holds that the log gained no event in such a stream naming the project
 * since. A new stream is created without moving any stream the decision holds, so `unmoved`
 * cannot say it. Checked under the append's own lock on SQLite and PostgreSQL (EventStoreDB: just
 * before the append, as its `unmoved`).
 */
export interface UnchangedSince {
  /** The last position the decision read. */
  after: bigint;
  /** The streams of the kind: `session-`, `requirement-`. */
  streamPrefix: string;
  /** The project their events name (`data.projectId`). */
  projectId: string;
}

/** Thrown by an append whose UnchangedSince failed: the first event it rules out is at `position`. */
export class ChangedSince extends Error {
  constructor(
    readonly condition: UnchangedSince,
    readonly position: bigint,
  ) {
    super(
      `the log gained an event of ${condition.streamPrefix}* for project ${condition.projectId} at ${position}, after ${condition.after}`,
    );
    this.name = 'ChangedSince';
  }
}

/** Whether `event` is one the condition rules out. */
export const breaks = (condition: UnchangedSince, event: RecordedEvent): boolean =>
  event.position > condition.after && event.stream.startsWith(condition.streamPrefix) && event.data.projectId === condition.projectId;
