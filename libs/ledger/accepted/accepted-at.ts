import type { Caller } from '../caller.js';

/**
 * Where an operation's command landed in the log, by the operation's caller (one per HTTP request,
 * one per operation on a socket, and one mutation field per operation): kept from the append until
 * the caller is gone, so an answer that fails after it can still say the command was accepted.
 */
const acceptedPositions = new WeakMap<Caller, bigint>();

export const noteAccepted = (caller: Caller, position: bigint): void => {
  acceptedPositions.set(caller, position);
};

export const acceptedAt = (caller: Caller | undefined): bigint | undefined => (caller ? acceptedPositions.get(caller) : undefined);
