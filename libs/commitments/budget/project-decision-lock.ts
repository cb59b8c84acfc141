/**
 * One decision at a time per project: make and revise hold this around "read the budget
 * picture → classify → append", so two commitments of the same project are never judged on
 * the same picture (each would otherwise see the reserve the other is about to use).
 *
 * Known limit: the lock lives in this process. With several API instances on one store, two
 * instances can still classify concurrently; serializing across them needs a store-level lock
 * (e.g. a PostgreSQL advisory lock keyed by the project).
 */
const tails = new Map<string, Promise<unknown>>();

export const withProjectDecisionLock = async <T>(projectId: string, work: () => Promise<T>): Promise<T> => {
  const previous = tails.get(projectId) ?? Promise.resolve();
  const run = previous.then(work, work);
  // The chain continues whether this decision succeeded or failed.
  const tail = run.catch(() => undefined);
  tails.set(projectId, tail);
  try {
    return await run;
  } finally {
    // Forget the project once nobody queued behind this decision, so the map stays small.
    if (tails.get(projectId) === tail) tails.delete(projectId);
  }
};
