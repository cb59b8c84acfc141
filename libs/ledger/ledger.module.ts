import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Projection, StoreClaim } from '@cf/event-store';
import type { LedgerConfig } from './config/ledger-config.js';
import { JWT_SECRET, LEDGER_CONFIG } from './ledger.tokens.js';
import { EventSourcing, OPEN_EVENT_SOURCING } from './event-sourcing.service.js';
import { openEventSourcing } from './open-event-sourcing.js';
import { IdsAcrossKinds } from './ids-across-kinds.js';
import { EVENT_SOURCING_TELEMETRY, type EventSourcingTelemetry } from './telemetry/event-sourcing-telemetry.js';

/** Wires the store, read models and projection runner once for the whole application. */
@Global()
@Module({})
export class LedgerModule {
  /**
   * `tokenSecret`: what the instance signs tokens with; `share`: its share of the store, taken and
   * compared with that secret before the app was built (main.ts), or taken by the app when absent.
   */
  static forRoot(
    config: LedgerConfig,
    projections: readonly Projection[],
    { tokenSecret, share }: { tokenSecret: string; share?: StoreClaim },
  ): DynamicModule {
    return {
      module: LedgerModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: JWT_SECRET, useValue: tokenSecret },
        {
          provide: OPEN_EVENT_SOURCING,
          useFactory: (tokenSecret: string, telemetry?: EventSourcingTelemetry) =>
            openEventSourcing(config, projections, telemetry, { tokenSecret, share }),
          inject: [JWT_SECRET, { token: EVENT_SOURCING_TELEMETRY, optional: true }],
        },
        EventSourcing,
        IdsAcrossKinds,
      ],
      exports: [LEDGER_CONFIG, JWT_SECRET, EventSourcing, IdsAcrossKinds],
    };
  }
}
