import type { Portal } from '../harness/portal-harness.js';
import { eventCount } from '../fixtures/worked-project.js';
import { portalOperation } from '../harness/portal-operations.js';

/** A keyed mutation of the portal's operations, and how to build its input. */
export interface Keyed {
  operation: string;
  /** The input, differing by `n` in a field the fingerprint reads: 2 is other input under the same key. */
  input: (n: number) => Record<string, unknown>;
  /** Who sends it; the manager when not named. */
  by?: () => string;
  /** The document sent, for a mutation the portal's operations do not hold; its variable is `$input`. */
  document?: string;
}

/**
 * Sent again with its key after a lost answer, a mutation answers the first result and the log gains
 * nothing; the same key with other input is refused on `idempotencyKey`, and changes nothing either.
 */
export const expectKeyedRetryAnswersFirst = async (portal: Portal, token: string, { operation, input, document }: Keyed): Promise<void> => {
  const idempotencyKey = `${operation}-once`;
  const send = (n: number) => portal.graphql(document ?? portalOperation(operation), { input: { ...input(n), idempotencyKey } }, token);
  const first = await send(1);
  expect(first.errors).toBeUndefined();
  const before = await eventCount(portal);
  const again = await send(1);
  expect(again).toEqual(first);
  expect(await eventCount(portal)).toBe(before);

  const other = await send(2);
  expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  expect(other.errors?.[0].message).toContain('was already used with other input');
  expect(await eventCount(portal)).toBe(before);
};
