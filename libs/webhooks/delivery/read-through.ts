/**
 * The latest moment the read models are known to reflect: every event appended before it has been
 * applied by every projection. Each pass notes the time, then the log's head; a noted moment is
 * reached once the slowest projection has applied the head noted after it. Deadlines are judged
 * against this moment, never against the clock, so an answer logged before a deadline but not yet
 * applied is not taken for none. Undefined until a first moment is reached.
 */
export const readThrough = (headPosition: () => Promise<bigint>, slowestPosition: () => bigint) => {
  let noted: { at: Date; head: bigint } | undefined;
  let reached: Date | undefined;
  return async (now: Date): Promise<Date | undefined> => {
    const current = { at: now, head: await headPosition() };
    const applied = slowestPosition();
    if (applied >= current.head) {
      reached = now;
      noted = undefined;
    } else if (noted && applied >= noted.head) {
      reached = noted.at;
      noted = current;
    } else {
      noted ??= current;
    }
    return reached;
  };
};
