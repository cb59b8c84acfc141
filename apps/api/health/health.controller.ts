import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { EventSourcing, Public } from '@cf/ledger';
import type { Logger } from 'pino';
import { OPERATIONS_CONFIG, type OperationsConfig } from '../observability/operations-config.js';
import { OPERATIONS_LOG } from '../logging/operations-log.js';
import { answeredWithin } from './answered-within.js';
import { Readiness } from './readiness.js';
import { publicStoreFailure } from './store-failure.js';

/**
 * GET /health: is the store reachable, how far is it, and how far behind is each projection.
 * While the store cannot be reached it answers 503 with why (publicStoreFailure) and what this
 * instance knows (each projection's position), which is when an operator looks.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly eventSourcing: EventSourcing,
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    @Inject(OPERATIONS_LOG) private readonly log: Logger,
    private readonly readiness: Readiness,
  ) {}

  @Public()
  @Get()
  async health() {
    const { runner, store } = this.eventSourcing;
    const positions = runner.status();
    let head: bigint;
    try {
      head = await answeredWithin(this.readiness.logHead(), this.config.readiness.storeTimeoutMs, 'the store');
    } catch (error) {
      throw new ServiceUnavailableException({
        status: 'unavailable',
        store: { kind: store.name, error: publicStoreFailure(error, this.log, '/health').message },
        projectionsLedHere: runner.isLeading(),
        projections: positions.map((p) => ({ name: p.name, position: p.position.toString() })),
      });
    }
    return {
      status: 'ok',
      store: { kind: store.name, headPosition: head.toString() },
      projectionsLedHere: runner.isLeading(),
      // false while a leader catches up since its start: operations are refused until then
      caughtUp: runner.hasCaughtUp(),
      projections: positions.map((p) => ({ name: p.name, position: p.position.toString(), lag: (head - p.position).toString() })),
      projectionLag: (head - runner.slowestPosition()).toString(),
    };
  }
}
