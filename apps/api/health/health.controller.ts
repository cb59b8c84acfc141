import { Controller, Get } from '@nestjs/common';
import { EventSourcing, Public } from '@cf/ledger';

/** GET /health: is the store reachable, how far is it, and how far behind is each projection. */
@Controller('health')
export class HealthController {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @Public()
  @Get()
  async health() {
    const head = await this.eventSourcing.store.headPosition();
    const projections = this.eventSourcing.runner.status().map((p) => ({
      name: p.name,
      position: p.position.toString(),
      lag: (head - p.position).toString(),
    }));
    return {
      status: 'ok',
      store: { kind: this.eventSourcing.store.name, headPosition: head.toString() },
      projectionsLedHere: this.eventSourcing.runner.isLeading(),
      projections,
      projectionLag: (head - this.eventSourcing.runner.slowestPosition()).toString(),
    };
  }
}
