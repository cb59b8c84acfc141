import type { ExpectedLastIndex } from './event-store.js';

/** Thrown by adapters when the stream's last index is not the expected one; handleCommand maps it. */
export class WrongLastIndex extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedLastIndex,
    readonly actual: number,
  ) {
    super(`stream ${stream} has its last event at index ${actual}, expected ${String(expected)}`);
    this.name = 'WrongLastIndex';
  }
}

/** Thrown when an idempotency key was already used by the same user (a concurrent retry). */
export class IdempotencyKeyUsed extends Error {
  constructor(
    readonly userId: string,
    readonly key: string,
  ) {
    super(`idempotency key ${key} was already used`);
    this.name = 'IdempotencyKeyUsed';
  }
}

export const matchesExpectedLastIndex = (expected: ExpectedLastIndex, actual: number): boolean =>
  expected === 'any' || (expected === 'no_stream' ? actual === -1 : expected === actual);
