/**
 * A stored event's data or metadata, parsed. Text that is not JSON was changed outside the ledger
 * (the store's own writes are JSON): refused naming the event, so `cli verify`, a rebuild or a
 * read says where the log was broken, not only what the parser tripped on.
 */
export const storedJson = <T>(
  text: string,
  field: 'data' | 'metadata',
  event: { position: bigint; stream: string; revision: number },
): T => {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(
      `The event at position ${event.position} (stream ${event.stream}, revision ${event.revision}) holds ${field} that is not JSON, ` +
        `so the log was changed outside the ledger: ${(error as Error).message}`,
      { cause: error },
    );
  }
};
