import { DomainError } from '@cf/core';

/**
 * A mutation answers from the read model after waiting for it; a row still missing then means
 * the command was accepted but is not readable yet: a NOT_YET_READABLE answer the client can act
 * on, never a crash after a successful append.
 */
export const readBack = <Row>(row: Row | null | undefined, position: bigint, what: string): Row => {
  if (row === undefined || row === null) throw DomainError.notYetReadable(position, what);
  return row;
};
