import { createHash } from 'node:crypto';

/**
 * An advisory lock's key for a name that includes the log's schema (`projections:ledger`): one
 * lock per log, and logs in other schemas of the same database never wait for each other.
 */
export const advisoryKey = (name: string): number => createHash('sha256').update(name).digest().readInt32BE(0);
