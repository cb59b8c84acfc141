import { type Decider, type DomainEvent, DomainError } from '@cf/core';
import { foldStream } from './fold-cache.js';
import { decisionTime } from './decision-time.js';
import { findEarlierResult, fingerprintOf } from './earlier-result.js';
import { RACE_TRIES, pauseBeforeTry } from './race-tries.js';
import { type EventStore, type UnmovedStream } from './event-store.js';
import { IdempotencyKeyUsed, WrongLastIndex } from './append-refusals.js';
import type { CommandMetadata, CommandOptions, CommandResult, TimedCommand, Untimed } from './command.js';

/**
 * The one way a command changes the world: read the stream, fold it with `evolve`, `decide`,
 * append with the expected last index. A conflict with a concurrent writer is decided again on
 * fresh state (RACE_TRIES in all), then reported as CONFLICT with the stream's current last index; a
 * sender who saw an older one gets CONFLICT at once. An idempotency key's first result is
 * stored in the same transaction as the events, so a retry returns it and appends nothing.
 */
export const handleCommand = async <Command extends TimedCommand, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Untimed<Command>,
  metadata: CommandMetadata,
  options: CommandOptions = {},
): Promise<CommandResult> => {
  const earlier = await findEarlierResult(store, command, metadata, options);
  if (earlier) return earlier;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(store, decider, stream, command, metadata, options);
    } catch (error) {
      if (error instanceof IdempotencyKeyUsed) {
        // A concurrent retry holds the key. Its result is the answer; a store that released the
        // key (its attempt was refused) lets this one try again, within the same two tries.
        const first = await findEarlierResult(store, command, metadata, options);
        if (first) return first;
        if (tries === 2) throw DomainError.conflict(stream, await store.lastIndexOf(stream), { lostRace: true });
        continue;
      }
      if (!(error instanceof WrongLastIndex)) {
        const first = await firstOfRefusedRetry(store, command, metadata, options, error);
        if (first) return first;
        throw error;
      }
      // The facts read from another stream are the caller's: deciding again here would reuse them. So are
      // facts the caller read from this very stream (held in `unmoved`): it must read them again, not this loop.
      if (error.stream !== stream || heldBy(options, stream)) throw DomainError.conflict(error.stream, error.actual);
      options.foldCache?.forget(stream);
      // The sender's own expectation is checked in attempt(); a conflict here is a race: try again.
      if (metadata.expectedLastIndex !== undefined) throw DomainError.conflict(stream, error.actual);
      if (tries >= RACE_TRIES) throw DomainError.conflict(stream, error.actual, { lostRace: true });
      await pauseBeforeTry(tries);
    }
  }
};

/**
 * A keyed command refused by its decider may be a retry whose first send, on another instance,
 * committed after this one looked for the key: the stream then holds what the first decided (a
 * requirement's key taken, a project opened). Its first result is the answer, not the refusal.
 */
const firstOfRefusedRetry = async (
  store: EventStore,
  command: unknown,
  metadata: CommandMetadata,
  options: CommandOptions,
  error: unknown,
): Promise<CommandResult | undefined> => {
  if (!metadata.idempotencyKey || !(error instanceof DomainError)) return undefined;
  try {
    return await findEarlierResult(store, command, metadata, options);
  } catch (lookup) {
    // A key reused with other input says so; a lookup that failed leaves the refusal the sender would have had.
    if (lookup instanceof DomainError) throw lookup;
    return undefined;
  }
};

/** Where the caller read facts of the command's own stream (a budget's commitment links, a session's developers). */
const heldBy = (options: CommandOptions, stream: string): UnmovedStream | undefined =>
  options.unmoved?.find((held) => held.stream === stream);

const attempt = async <Command extends TimedCommand, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Untimed<Command>,
  metadata: CommandMetadata,
  options: CommandOptions,
): Promise<CommandResult> => {
  const { state, lastIndex, lastAt } = await foldStream(store, decider, stream, options.foldCache);
  if (metadata.expectedLastIndex !== undefined && metadata.expectedLastIndex !== lastIndex) {
    throw DomainError.conflict(stream, lastIndex, { expected: metadata.expectedLastIndex });
  }
  // The command's facts were read from this stream at an older index: deciding on the newer state would pair them wrongly.
  const held = heldBy(options, stream);
  if (held && held.lastIndex !== lastIndex) throw new WrongLastIndex(stream, held.lastIndex, lastIndex);
  const at = decisionTime(metadata.clock(), lastAt);
  // Untimed<Command> with its time is a Command; TypeScript cannot see through the conditional type.
  const events = decider.decide({ ...command, at: at.toISOString() } as unknown as Command, state);
  if (events.length === 0) return { stream, lastIndex, position: await store.headPosition(), replayed: false };
  const eventMetadata = {
    actor: metadata.actor,
    occurredAt: at.toISOString(),
    correlationId: metadata.correlationId,
    ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
    ...(metadata.idempotencyKey ? { idempotencyKey: metadata.idempotencyKey, commandFingerprint: fingerprintOf(command, metadata) } : {}),
  };
  const decided = events.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata: eventMetadata }));
  const newEvents = options.sealEvents ? options.sealEvents(decided) : decided;
  const idempotency = metadata.idempotencyKey ? { userId: metadata.actor.userId, key: metadata.idempotencyKey } : undefined;
  const appended = await store.append(stream, newEvents, {
    expectedLastIndex: lastIndex < 0 ? 'no_stream' : lastIndex,
    idempotency,
    ...(options.unmoved?.length ? { unmoved: options.unmoved } : {}),
    ...(options.unchangedSince?.length ? { unchangedSince: options.unchangedSince } : {}),
  });
  // What was decided is what the stream now holds (unless sealing changed it): the next command starts here.
  if (options.foldCache && !options.sealEvents) {
    options.foldCache.set(stream, decider, {
      lastIndex: appended.lastIndex,
      lastAt: at.toISOString(),
      state: events.reduce(decider.evolve, state),
    });
  }
  return { stream, lastIndex: appended.lastIndex, position: appended.position, replayed: false };
};
