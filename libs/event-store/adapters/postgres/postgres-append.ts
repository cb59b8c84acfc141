import pg from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  type ExpectedLastIndex,
  type IdempotencyRecord,
  type NewEvent,
  type UnmovedStream,
  IdempotencyKeyUsed,
  WrongLastIndex,
} from '../../event-store.js';
import { canonicalJson } from '../../hash-chain.js';
import type { Upcasters } from '../../upcasting.js';
import type { Outcome } from './group-commit.js';

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
});

const expectedLastIndex = ({ expected }: StoredAppend): number | null =>
  expected === 'no_stream' ? -1 : expected === 'any' ? null : expected;

const eventColumns = (appends: StoredAppend[]): unknown[] => {
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

const wrongLastIndex = (append: StoredAppend, actual: number): Outcome<AppendResult> => ({
  error: new WrongLastIndex(append.stream, append.expected, actual),
});
const keyUsed = ({ stream, idempotency }: StoredAppend): Outcome<AppendResult> => ({
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
  try {
    const { rows } = await pool.query<{ appended: boolean; current_revision: number; last_position: string; moved_stream?: string | null }>(
      unmoved.length === 0
        ? `SELECT * FROM "${schema}".append_to_stream($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`
        : `SELECT * FROM "${schema}".append_if_unmoved($12, $13, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        append.stream,
        expectedLastIndex(append),
        append.expected === 'any',
        ...eventColumns([append]),
        append.idempotency?.userId ?? null,
        append.idempotency?.key ?? null,
        ...(unmoved.length === 0 ? [] : [unmoved.map((u) => u.stream), unmoved.map((u) => u.lastIndex)]),
      ],
    );
    const { appended, current_revision, last_position, moved_stream } = rows[0];
    const moved = moved_stream ? unmoved.find((u) => u.stream === moved_stream) : undefined;
    if (moved) return { error: new WrongLastIndex(moved.stream, moved.lastIndex, current_revision) };
    if (!appended) return wrongLastIndex(append, current_revision);
    return { result: { lastIndex: current_revision, position: BigInt(last_position) } };
  } catch (error) {
    if (append.idempotency && (error as { constraint?: string }).constraint === 'idempotency_keys_pkey') return keyUsed(append);
    if (retries > 0 && racedUnderAnotherLock(error)) return appendAlone(pool, schema, append, retries - 1);
    throw error;
  }
};

interface GroupAnswer {
  outcomes: Array<'appended' | 'wrong_revision' | 'key_used'>;
  revisions: number[];
  positions: Array<string | null>;
}

/** Several appends: append_batch, which answers each in order. */
const appendTogether = async (pool: pg.Pool, schema: string, appends: StoredAppend[]): Promise<Array<Outcome<AppendResult>>> => {
  const {
    rows: [answer],
  } = await pool.query<GroupAnswer>(`SELECT * FROM "${schema}".append_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
    appends.map((append) => append.stream),
    appends.map(expectedLastIndex),
    appends.map((append) => append.expected === 'any'),
    appends.map((append) => append.idempotency?.userId ?? null),
    appends.map((append) => append.idempotency?.key ?? null),
    appends.map((append) => append.types.length),
    ...eventColumns(appends),
  ]);
  return appends.map((append, i) => {
    const position = answer.positions[i];
    if (answer.outcomes[i] === 'appended' && position !== null)
      return { result: { lastIndex: answer.revisions[i], position: BigInt(position) } };
    return answer.outcomes[i] === 'wrong_revision' ? wrongLastIndex(append, answer.revisions[i]) : keyUsed(append);
  });
};

/**
 * A group of appends, one round trip and one commit (postgres-append-function.ts and postgres-append-batch-function.ts do the rest).
 * A group of one is sent as appends always were, so an append that found nothing in flight
 * costs what it did before groups.
 */
export const appendGroup = async (pool: pg.Pool, schema: string, appends: StoredAppend[]): Promise<Array<Outcome<AppendResult>>> =>
  appends.length === 1 ? [await appendAlone(pool, schema, appends[0])] : appendTogether(pool, schema, appends);

/** An error the server reported rolled the whole call back: nothing of the group was committed. */
export const rolledBack = (error: unknown): boolean => error instanceof pg.DatabaseError;
