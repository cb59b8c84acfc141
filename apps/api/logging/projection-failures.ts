import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { projectionRunnerFailed } from '@cf/event-store';
import type { Logger } from 'pino';
import { OPERATIONS_LOG } from './operations-log.js';

/** How often an error that goes on is written again while the runner retries every second. */
const REPEAT_MS = 60_000;

/**
 * The projection runner's failures as lines of the JSON log: the first at once, the same error
 * again at most once a minute (the runner retries every second), a different one at once.
 */
@Injectable()
export class ProjectionFailureLog implements OnModuleInit, OnModuleDestroy {
  private last: { message: string; at: number } | undefined;
  private readonly write = (error: unknown): void => {
    const message = String((error as Error)?.message ?? error);
    const now = Date.now();
    if (this.last?.message === message && now - this.last.at < REPEAT_MS) return;
    this.last = { message, at: now };
    this.log.error({ err: error }, 'projections stopped on an error; retrying every second');
  };

  constructor(@Inject(OPERATIONS_LOG) private readonly log: Logger) {}

  onModuleInit(): void {
    projectionRunnerFailed.subscribe(this.write);
  }

  onModuleDestroy(): void {
    projectionRunnerFailed.unsubscribe(this.write);
  }
}
