import { type Decider, type DomainEvent, DomainError } from '@cf/core';
import {
  ChangedSince,
  type CommandOptions,
  type CommandResult,
  RACE_TRIES,
  type TimedCommand,
  type Untimed,
  type UnchangedSince,
  type UnmovedStream,
  pauseBeforeTry,
} from '@cf/event-store';
import type { EventSourcing } from './event-sourcing.service.js';

type Folded<State> = { state: State; lastIndex: number };

/**
 * What a decision learns from other streams than its own (who asked and whether they could
 * approve scope, whether a contact was forgotten, who is a manager): read from the log, each
 * stream with the index it was read at. The append is refused if any of them moved since
 * (`unmoved`, checked under the append's own lock), so a fact that spans streams is decided under
 * one consistency condition, never on a read model that may lag another instance's append.
 */
export class FactsOnRecord {
  /** Each stream read, at the lowest index it was read at: a decision that read it twice rests on the older. */
  private readonly read = new Map<string, number>();
  /**
   * Each fold taken, by stream and decider: a decision that asks for the same fold twice (a
   * requester's authority for the name and again for their first-hand word) reads the stream once
   * and sees one state of it. A round trip each on PostgreSQL.
   */
  private readonly folds = new Map<string, Map<object, Promise<Folded<unknown>>>>();

  /** Kinds of facts read whole (UnchangedSince): every session of a project, every requirement. */
  private readonly kinds: UnchangedSince[] = [];

  constructor(private readonly eventSourcing: Pick<EventSourcing, 'fold'>) {}

  /** Holds that the log gains no event of this kind for the project past `after`, the last position read. */
  holdUnchangedSince(condition: UnchangedSince): void {
    this.kinds.push(condition);
  }

  get unchangedSince(): UnchangedSince[] {
    return [...this.kinds];
  }

  fold<Command, Event extends DomainEvent, State>(
    decider: Pick<Decider<Command, Event, State>, 'initialState' | 'evolve'>,
    stream: string,
  ): Promise<Folded<State>> {
    const byDecider = this.folds.get(stream) ?? new Map<object, Promise<Folded<unknown>>>();
    this.folds.set(stream, byDecider);
    const taken = byDecider.get(decider) ?? this.foldAndHold(decider, stream);
    byDecider.set(decider, taken);
    return taken as Promise<Folded<State>>;
  }

  private async foldAndHold<Command, Event extends DomainEvent, State>(
    decider: Pick<Decider<Command, Event, State>, 'initialState' | 'evolve'>,
    stream: string,
  ): Promise<Folded<State>> {
    const folded = await this.eventSourcing.fold(decider, stream);
    this.read.set(stream, Math.min(folded.lastIndex, this.read.get(stream) ?? folded.lastIndex));
    return folded;
  }

  /** The streams read so far, at the index each was read at. */
  get unmoved(): UnmovedStream[] {
    return [...this.read].map(([stream, lastIndex]) => ({ stream, lastIndex }));
  }

  /**
   * Whether a refusal is one of these streams having moved under the decision (it may be taken
   * again): the append's CONFLICT on such a stream, kept as the cause of the one the portal reads.
   * A sender's stale revision is not (a decider's staleEntity has no cause), so it is never taken
   * again. The command's own stream is one of these only when its facts were read from it too (a
   * revision's kept links, a moved session's developers): then handleCommand leaves a move on it to
   * this decision, which reads them again.
   */
  movedUnder(error: unknown): boolean {
    const moved = error instanceof DomainError && error.code === 'CONFLICT' ? error.cause : undefined;
    if (moved instanceof ChangedSince) return this.kinds.includes(moved.condition);
    if (!(moved instanceof DomainError) || typeof moved.details.stream !== 'string') return false;
    return this.read.has(moved.details.stream);
  }
}

/**
 * A command decided on facts of other streams: `command` reads them through the FactsOnRecord it
 * is given, and the append holds them unmoved. When one moved meanwhile (a contact revised or
 * forgotten, a member removed), the facts are read again and the command decided again, as often
 * and with the same short random pauses as a race on the command's own stream (RACE_TRIES).
 */
export const executeOnRecord = async <Command extends TimedCommand, Event extends DomainEvent, State>(
  eventSourcing: Pick<EventSourcing, 'fold' | 'execute' | 'enterLane'>,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: (onRecord: FactsOnRecord) => Promise<Untimed<Command>>,
  context: Parameters<EventSourcing['execute']>[3],
  options: CommandOptions = {},
): Promise<CommandResult> => {
  // The turn is taken before the facts are read: a command in line behind others reads them after those appended.
  const lane = await eventSourcing.enterLane(stream);
  try {
    for (let tries = 1; ; tries++) {
      const onRecord = new FactsOnRecord(eventSourcing);
      const decided = await command(onRecord);
      try {
        const held = { unmoved: onRecord.unmoved, unchangedSince: onRecord.unchangedSince };
        return await eventSourcing.execute(decider, stream, decided, { ...context, lane }, { ...options, ...held });
      } catch (error) {
        // As a race on the command's own stream: a busy project (members added, contacts revised) settles after a pause.
        if (tries >= RACE_TRIES || !onRecord.movedUnder(error)) throw error;
        await pauseBeforeTry(tries);
      }
    }
  } finally {
    lane.release();
  }
};
