import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Projection } from '@cf/event-store';
import { resolveJwtSecret } from './auth/jwt-secret.js';
import type { LedgerConfig } from './config/ledger-config.js';
import { JWT_SECRET, LEDGER_CONFIG } from './ledger.tokens.js';
import { Ledger, OPEN_LEDGER } from './ledger.service.js';
import { openLedger } from './open-ledger.js';
import { LEDGER_TELEMETRY, type LedgerTelemetry } from './telemetry/ledger-telemetry.js';

/** Wires the store, read models and projection runner once for the whole application. */
@Global()
@Module({})
export class LedgerModule {
  static forRoot(config: LedgerConfig, projections: readonly Projection[]): DynamicModule {
    return {
      module: LedgerModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: JWT_SECRET, useFactory: () => resolveJwtSecret(config).secret },
        {
          provide: OPEN_LEDGER,
          useFactory: (telemetry?: LedgerTelemetry) => openLedger(config, projections, telemetry),
          inject: [{ token: LEDGER_TELEMETRY, optional: true }],
        },
        Ledger,
      ],
      exports: [LEDGER_CONFIG, JWT_SECRET, Ledger],
    };
  }
}
