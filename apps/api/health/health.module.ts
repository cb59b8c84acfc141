import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { ProbesController } from './probes.controller.js';
import { Readiness } from './readiness.js';

/** GET /health (the detailed view), /health/live and /health/ready. */
@Module({
  // Terminus would write an error line for every failing probe; Readiness writes one per change instead.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, ProbesController],
  providers: [Readiness],
})
export class HealthModule {}
