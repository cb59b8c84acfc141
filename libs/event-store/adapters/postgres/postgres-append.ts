import pg from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  type ExpectedLastIndex,
  type IdempotencyRecord,
  type NewEvent,
  type UnmovedStream,
} from '../../event-store.js';
import { IdempotencyKeyUsed, WrongLastIndex } from '../../append-refusals.js';
import { canonicalJson } from '../../hash-chain.js';
import type { Upcasters } from '../../upcasting.js';
import type { Outcome } from './group-commit.js';
import { ChangedSince, type UnchangedSince } from '../../unchanged-since.js';

/** An append with its events already written as the text the log stores, ready to join a group. */
export interface StoredAppend {
  stream: string;
  expected: ExpectedLastIndex;
  idempotency?: IdempotencyRecord;
  types: string[];
  versions: number[];
  data: string[];
  metadata: string[];
  occurredAt: string[];
  unmoved?: readonly UnmovedStream[];
  unchangedSince?: readonly UnchangedSince[];
}

/**
 * Serializes in the caller's append, before it joins a group: an event that cannot be written
 * as JSON fails its own append, never the group's call.
 */
export const storedAppend = (upcasters: Upcasters, stream: string, events: NewEvent[], options: AppendOptions): StoredAppend => ({
  stream,
  expected: options.expectedLastIndex,
  idempotency: options.idempotency,
  types: events.map((event) => event.type),
  versions: events.map((event) => event.schemaVersion ?? upcasters.currentVersionOf(event.type)),
  data: events.map((event) => canonicalJson(event.data)),
  metadata: events.map((event) => canonicalJson(event.metadata)),
  occurredAt: events.map((event) => event.metadata.occurredAt),
  ...(options.unmoved?.length ? { unmoved: options.unmoved } : {}),
  ...(options.unchangedSince?.length ? { unchangedSince: options.unchangedSince } : {}),
});

/** Whether an append rests on more than its own stream: it then never joins a group (append_batch checks nothing else). */
export const restsOnOtherFacts = (append: StoredAppend): boolean => append.unmoved !== undefined || append.unchangedSince !== undefined;

export const expectedLastIndex = ({ expected }: StoredAppend): number | null =>
  expected === 'no_stream' ? -1 : expected === 'any' ? null : expected;

export const eventColumns = (appends: StoredAppend[]): unknown[] => {
  const types = appends.flatMap((append) => append.types);
  return [
    types,
    types.map((type) => JSON.stringify(type)),
    appends.flatMap((append) => append.versions),
    appends.flatMap((append) => append.data),
    appends.flatMap((append) => append.metadata),
    appends.flatMap((append) => append.occurredAt),
  ];
};

export const wrongLastIndex = (append: StoredAppend, actual: number): Outcome<AppendResult> => ({
  error: new WrongLastIndex(append.stream, append.expected, actual),
});
export const keyUsed = ({ stream, idempotency }: StoredAppend): Outcome<AppendResult> => ({
  error: idempotency
    ? new IdempotencyKeyUsed(idempotency.userId, idempotency.key)
    : new Error(`append to ${stream} refused for a key it did not send`),
});

/**
 * Another append took the position or revision this one was numbered with. Under one append lock
 * that cannot happen; it can while instances of two versions run against one schema (during an
 * upgrade) and take different locks. The call rolled back whole, so it is tried again on the new head.
 */
const racedUnderAnotherLock = (error: unknown): boolean =>
  (error as { code?: string }).code === '23505' && /^events_/.test((error as { constraint?: string }).constraint ?? '');
const RACE_RETRIES = 3;

/** One append alone: append_to_stream, where a used key fails the key's INSERT and so the call. */
export const appendAlone = async (
  pool: pg.Pool,
  schema: string,
  append: StoredAppend,
  retries = RACE_RETRIES,
): Promise<Outcome<AppendResult>> => {
  const unmoved = append.unmoved ?? [];
  const since = append.unchangedSince ?? [];
  try {
    const { rows } = await pool.query<{
      appended: boolean;
      current_revision: number;
      last_position: string;
      moved_stream?: string | null;
      changed_since?: number | null;
    }>(
      restsOnOtherFacts(append)
        ? `SELECT * FROM "${schema}".append_if_unmoved($12, $13, $14, $15, $16, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`
        : `SELECT * FROM "${schema}".append_to_stream($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        append.stream,
        expectedLastIndex(append),
        append.expected === 'any',
        ...eventColumns([append]),
        append.idempotency?.userId ?? null,
        append.idempotency?.key ?? null,
        ...(restsOnOtherFacts(append)
          ? [
              unmoved.map((u) => u.stream),
              unmoved.map((u) => u.lastIndex),
              since.map((c) => c.after.toString()),
              since.map((c) => c.streamPrefix),
              since.map((c) => c.projectId),
            ]
          : []),
      ],
    );
    const { appended, current_revision, last_position, moved_stream, changed_since } = rows[0];
    const moved = moved_stream ? unmoved.find((u) => u.stream === moved_stream) : undefined;
    if (moved) return { error: new WrongLastIndex(moved.stream, moved.lastIndex, current_revision) };
    if (changed_since) return { error: new ChangedSince(since[changed_since - 1], BigInt(last_position)) };
    if (!appended) return wrongLastIndex(append, current_revision);
    return { result: { lastIndex: current_revision, position: BigInt(last_position) } };
  } catch (error) {
    if (append.idempotency && (error as { constraint?: string }).constraint === 'idempotency_keys_pkey') return keyUsed(append);
    if (retries > 0 && racedUnderAnotherLock(error)) return appendAlone(pool, schema, append, retries - 1);
    throw error;
  }
};

/** An error the server reported rolled the whole call back: nothing of the group was committed. */
export const rolledBack = (error: unknown): boolean => error instanceof pg.DatabaseError;
