import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { projectionLeadChanged, projectionRunnerFailed, projectionsGivenUpToNewerCode } from '@cf/event-store';
import type { Logger } from 'pino';
import { OPERATIONS_LOG } from './operations-log.js';

/** How often an error that goes on is written again while the runner retries every second. */
const REPEAT_MS = 60_000;

/**
 * The projection runner's failures (and its lead taken or given up) as lines of the JSON log: an
 * error at once, the same error again at most once a minute (the runner retries every second),
 * whatever other errors came between.
 */
@Injectable()
export class ProjectionFailureLog implements OnModuleInit, OnModuleDestroy {
  /**
   * When each error was last written: an outage whose errors alternate (a proxy that accepts and
   * drops: "read ECONNRESET", then "Connection terminated") is still written once a minute each.
   */
  private readonly lastWritten = new Map<string, number>();
  private readonly write = (error: unknown): void => {
    const message = String((error as Error)?.message ?? error);
    const now = Date.now();
    const last = this.lastWritten.get(message);
    if (last !== undefined && now - last < REPEAT_MS) return;
    for (const [seen, at] of this.lastWritten) if (now - at >= REPEAT_MS) this.lastWritten.delete(seen);
    this.lastWritten.set(message, now);
    this.log.error({ err: error }, 'projections stopped on an error; retrying every second');
  };

  /** Taking or giving up the projections' lead, a line each: after a failover the log says which instance went on. */
  private readonly writeLead = (leading: unknown): void => {
    if (leading === true) this.log.info('leading the projections: this instance applies the log to the read models');
    else
      this.log.info(
        'no longer leading the projections (given up, or its database session lost): this instance follows whichever takes the lead',
      );
  };

  /** Giving the projections up to newer code: the line an operator looks for during an upgrade. */
  private readonly writeGivenUp = (readModels: unknown): void => {
    this.log.warn({ readModels }, 'read models were built by newer code: this instance leads the projections no more');
  };

  constructor(@Inject(OPERATIONS_LOG) private readonly log: Logger) {}

  onModuleInit(): void {
    projectionRunnerFailed.subscribe(this.write);
    projectionLeadChanged.subscribe(this.writeLead);
    projectionsGivenUpToNewerCode.subscribe(this.writeGivenUp);
  }

  onModuleDestroy(): void {
    projectionRunnerFailed.unsubscribe(this.write);
    projectionLeadChanged.unsubscribe(this.writeLead);
    projectionsGivenUpToNewerCode.unsubscribe(this.writeGivenUp);
  }
}
