import { type Decider, type DomainEvent, DomainError, entityOfStream } from '@cf/core';
import type { CommandOptions, CommandResult, TimedCommand, Untimed, UnmovedStream } from '@cf/event-store';
import type { EventSourcing } from './event-sourcing.service.js';

/**
 * What a decision learns from other streams than its own (who asked and whether they could
 * approve scope, whether a contact was forgotten, who is a manager): read from the log, each
 * stream with the index it was read at. The append is refused if any of them moved since
 * (`unmoved`, checked under the append's own lock), so a fact that spans streams is decided under
 * one consistency condition, never on a read model that may lag another instance's append.
 */
export class FactsOnRecord {
  private readonly read: UnmovedStream[] = [];

  constructor(private readonly eventSourcing: Pick<EventSourcing, 'fold'>) {}

  async fold<Command, Event extends DomainEvent, State>(
    decider: Pick<Decider<Command, Event, State>, 'initialState' | 'evolve'>,
    stream: string,
  ) {
    const folded = await this.eventSourcing.fold(decider, stream);
    if (!this.read.some((other) => other.stream === stream)) this.read.push({ stream, lastIndex: folded.lastIndex });
    return folded;
  }

  /** The streams read so far, at the index each was read at. */
  get unmoved(): readonly UnmovedStream[] {
    return this.read;
  }

  /** Whether a refusal is one of these streams having moved under the decision (it may be taken again). */
  movedUnder(error: unknown): boolean {
    if (!(error instanceof DomainError) || error.code !== 'CONFLICT') return false;
    return this.read.some(({ stream }) => {
      const { entity, id } = entityOfStream(stream);
      return error.details.entity === entity && error.details.id === id;
    });
  }
}

/** How often a decision is taken again, on fresh facts, when a stream it read moved before its append. */
const FACTS_MOVED_TRIES = 3;

/**
 * A command decided on facts of other streams: `command` reads them through the FactsOnRecord it
 * is given, and the append holds them unmoved. When one moved meanwhile (a contact revised or
 * forgotten, a member removed), the facts are read again and the command decided again.
 */
export const executeOnRecord = async <Command extends TimedCommand, Event extends DomainEvent, State>(
  eventSourcing: EventSourcing,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: (onRecord: FactsOnRecord) => Promise<Untimed<Command>>,
  context: Parameters<EventSourcing['execute']>[3],
  options: CommandOptions = {},
): Promise<CommandResult> => {
  for (let tries = 1; ; tries++) {
    const onRecord = new FactsOnRecord(eventSourcing);
    const decided = await command(onRecord);
    try {
      return await eventSourcing.execute(decider, stream, decided, context, { ...options, unmoved: onRecord.unmoved });
    } catch (error) {
      if (tries >= FACTS_MOVED_TRIES || !onRecord.movedUnder(error)) throw error;
    }
  }
};
