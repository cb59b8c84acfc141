import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@cf/ledger';
import { Readiness } from './readiness.js';

/** The probes of an orchestrator or load balancer; GET /health stays the detailed view. */
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: Readiness,
  ) {}

  /** The process answers: restart it when it does not. */
  @Public()
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** The instance can serve: send it traffic only while this is 200. */
  @Public()
  @Get('ready')
  @HealthCheck()
  async ready() {
    const checked = this.health.check([
      () => this.readiness.store(),
      () => this.readiness.readModels(),
      () => this.readiness.storeClaim(),
      () => this.readiness.caughtUp(),
      () => this.readiness.projectionsLed(),
      () => this.readiness.projectionLag(),
    ]);
    return this.readiness.answered(checked);
  }
}
