import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { type Clock, type Decider, type DomainEvent, DomainError, systemClock } from '@cf/core';
import {
  type CommandOptions,
  type CommandResult,
  FoldCache,
  type RecordedEvent,
  type TimedCommand,
  type Untimed,
  foldStream,
  handleCommand,
} from '@cf/event-store';
import { noteAccepted } from './accepted/accepted-at.js';
import { type CommandContext, commandMetadataOf, nameOf } from './command-context.js';
import { asPortalRevision } from './portal-revision.js';
import type { OpenEventSourcing } from './open-event-sourcing.js';
import { type Lane, StreamLanes, laneLetGoOnce } from './stream-lanes.js';
import { EVENT_SOURCING_TELEMETRY, type EventSourcingTelemetry, quietTelemetry } from './telemetry/event-sourcing-telemetry.js';

/** How long a mutation waits for the read models to apply its events before answering NOT_YET_READABLE. */
export const PROJECTION_WAIT_MS = 10_000;

/** How long a command waits for its turn on its stream behind others before answering UNAVAILABLE (StreamLanes). */
const TURN_WAIT_MS = 15_000;

export const OPEN_EVENT_SOURCING = Symbol('OPEN_EVENT_SOURCING');

/**
 * What command and query handlers use: run a decider through the one handleCommand, then wait
 * until the read models have applied the result (read-your-writes for the portal).
 */
@Injectable()
export class EventSourcing implements OnApplicationBootstrap, OnApplicationShutdown {
  private inFlight = 0;
  private readonly clock: Clock = systemClock;
  /** Folded streams of recent commands: a command reads only the events its stream gained since. */
  private readonly folds = new FoldCache();
  /** Commands on one stream take turns in this process: a burst is decided in line, not in a race. */
  private readonly lanes = new StreamLanes(TURN_WAIT_MS);

  private readonly telemetry: EventSourcingTelemetry;

  constructor(
    @Inject(OPEN_EVENT_SOURCING) private readonly open: OpenEventSourcing,
    @Optional() @Inject(EVENT_SOURCING_TELEMETRY) telemetry?: EventSourcingTelemetry,
  ) {
    this.telemetry = telemetry ?? quietTelemetry;
  }

  get store() {
    return this.open.store;
  }
  get readModels() {
    return this.open.readModels;
  }
  get runner() {
    return this.open.runner;
  }
  holdsStore(): boolean {
    return this.open.holdsStore();
  }

  async execute<Command extends TimedCommand, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    stream: string,
    command: Untimed<Command>,
    context: CommandContext,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    this.inFlight += 1;
    try {
      return await this.telemetry.command(nameOf(command), async () => {
        // Without its share of the store a job may hold it (StoreClaim): appending then would land among its positions.
        // Refused inside the command's telemetry: an outage shows in its metrics as UNAVAILABLE.
        if (!this.open.holdsStore()) {
          throw DomainError.unavailable(
            'This instance lost its share of the store and is taking it again: nothing was done; send it again, to another instance',
          );
        }
        const lane = context.lane?.stream === stream ? context.lane : await this.lanes.enter(stream);
        const result = await handleCommand(this.store, decider, stream, command, commandMetadataOf(context, this.clock), {
          foldCache: this.folds,
          ...options,
        }).finally(() => {
          // A caller's own turn stays held on a refusal: it reads its facts again and decides again in it.
          if (lane !== context.lane) lane.release();
        });
        // Appended: the next command on the stream decides while this one waits for the read models.
        lane.release();
        noteAccepted(context.caller, result.position);
        const applied = await this.telemetry.projectionWait(() => this.runner.waitFor(result.position, PROJECTION_WAIT_MS));
        if (!applied) throw DomainError.notYetReadable(result.position, `${stream} in the read models`);
        return result;
      });
    } catch (error) {
      throw asPortalRevision(error);
    } finally {
      this.inFlight -= 1;
    }
  }

  /**
   * Takes the stream's turn for a command that reads its facts in it (executeOnRecord). The
   * command is in flight from here, so a shutdown waits for it as for one inside execute().
   */
  async enterLane(stream: string): Promise<Lane> {
    this.inFlight += 1;
    const lane = await this.lanes.enter(stream).catch((error: unknown) => {
      this.inFlight -= 1;
      throw error;
    });
    return laneLetGoOnce(stream, () => {
      this.inFlight -= 1;
      lane.release();
    });
  }

  /** A stream folded with a decider, as a command would see it: for facts another stream decides on. */
  fold<Command, Event extends DomainEvent, State>(
    decider: Pick<Decider<Command, Event, State>, 'initialState' | 'evolve'>,
    stream: string,
  ): Promise<{ state: State; lastIndex: number }> {
    return foldStream(this.store, decider, stream, this.folds);
  }

  /** The event at a global position (what a command's result points to). */
  async eventAt(position: bigint): Promise<RecordedEvent | undefined> {
    const [event] = await this.store.readAll({ after: position - 1n, limit: 1 });
    return event?.position === position ? event : undefined;
  }

  /**
   * A leader catches up in the background: the API listens meanwhile, its probes answer, and its
   * operations are refused until runner.hasCaughtUp() (main.ts). Whoever serves at once (the
   * tests, the seed) awaits runner.whenCaughtUp() first.
   */
  onApplicationBootstrap(): void {
    void this.runner.start();
  }

  /** Graceful shutdown: commands already running finish (up to 10 s), then the store closes. */
  async onApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await this.open.close();
  }
}
