import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '@cf/core';
import type { Caller } from '../caller.js';
import { MUTATION_IN_DOUBT, STORE_UNREACHABLE_MESSAGE } from '../errors/store-unreachable.js';
import { acceptedAt } from './accepted-at.js';

/**
 * A mutation whose command is in the log never answers as if nothing happened: an internal error
 * after the append (the store's connection lost while waiting for the read models, reading the
 * answer back, or resolving a field of it) is answered NOT_YET_READABLE with the position, as a
 * slow read model is, instead of INTERNAL_SERVER_ERROR, after which a client would send it again
 * and record it twice. Applied to the whole answer, each transport's once (so a field's error is
 * caught as the mutation's own is); refusals (DomainErrors) stay as they are.
 */
export const answeredAsAccepted = (
  errors: readonly GraphQLFormattedError[] | undefined,
  caller: Caller | undefined,
  mutation = false,
): readonly GraphQLFormattedError[] | undefined => {
  // The store not answering after the append is such an error too (formatLedgerError's UNAVAILABLE, by its words).
  const unanswered = (error: GraphQLFormattedError) => error.message === STORE_UNREACHABLE_MESSAGE;
  const internal = (error: GraphQLFormattedError) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || unanswered(error);
  const position = errors?.some(internal) ? acceptedAt(caller) : undefined;
  if (position === undefined) {
    // Not heard to be appended, it may still have been, as the connection went: in doubt, as at a drain's end.
    return mutation
      ? errors?.map((error) =>
          unanswered(error)
            ? { ...error, message: `${error.message}. ${MUTATION_IN_DOUBT}`, extensions: { ...error.extensions, inDoubt: true } }
            : error,
        )
      : errors;
  }
  const accepted = DomainError.notYetReadable(position, 'its answer');
  return errors?.map((error) =>
    internal(error) ? { message: accepted.message, path: error.path, extensions: { code: accepted.code, ...accepted.details } } : error,
  );
};
