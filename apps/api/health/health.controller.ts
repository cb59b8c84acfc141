import { Controller, Get } from '@nestjs/common';
import { Ledger, Public } from '@cf/ledger';

/** GET /health: is the store reachable, how far is it, and how far behind is each projection. */
@Controller('health')
export class HealthController {
  constructor(private readonly ledger: Ledger) {}

  @Public()
  @Get()
  async health() {
    const head = await this.ledger.store.headPosition();
    const projections = this.ledger.runner.status().map((p) => ({
      name: p.name,
      position: p.position.toString(),
      lag: (head - p.position).toString(),
    }));
    return {
      status: 'ok',
      store: { kind: this.ledger.store.name, headPosition: head.toString() },
      projectionsLedHere: this.ledger.runner.isLeading(),
      projections,
      projectionLag: (head - this.ledger.runner.slowestPosition()).toString(),
    };
  }
}
