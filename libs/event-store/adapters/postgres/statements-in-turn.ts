import type pg from 'pg';

const lastSent = new WeakMap<pg.Client, Promise<unknown>>();

/**
 * Sends a statement on a session once the one sent before it there has been answered. pg queues a
 * statement sent while others wait and warns, in plain text on stderr, that pg 9 will refuse it: a
 * session asked from two places (a follower's pass and a readiness probe, a leader's pulse and its
 * check), whose server has gone silent, sends its statements in turn instead.
 */
export const inTurn = <T>(session: pg.Client, send: () => Promise<T>): Promise<T> => {
  const sent = (lastSent.get(session) ?? Promise.resolve()).then(send, send);
  lastSent.set(
    session,
    sent.catch(() => undefined),
  );
  return sent;
};

/**
 * Says every `ms` that the session is alive (SELECT 1), in turn with its other statements. A pulse
 * still unanswered (the server gone silent) is not joined by another: its timeout, or its failure,
 * calls `lost`.
 */
export const pulseOf = (session: pg.Client, ms: number, lost: () => void): NodeJS.Timeout => {
  let pulsing: Promise<void> | undefined;
  return setInterval(() => {
    pulsing ??= inTurn(session, () => session.query('SELECT 1'))
      .then(() => undefined, lost)
      .finally(() => (pulsing = undefined));
  }, ms).unref();
};
