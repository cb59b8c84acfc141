import type pg from 'pg';
import type { AppendResult } from '../../event-store.js';
import type { Outcome } from './group-commit.js';
import { type StoredAppend, appendAlone, eventColumns, expectedLastIndex, keyUsed, wrongLastIndex } from './postgres-append.js';

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
