import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { OPERATIONS_LOG, httpLogOptions, operationsLog } from '../logging/operations-log.js';
import { OPERATIONS_CONFIG, type OperationsConfig } from './operations-config.js';
import { OperationTelemetryPlugin } from './operation-telemetry.plugin.js';

/** Wiring only: JSON logs, with a line for every GraphQL operation. */
@Global()
@Module({})
export class ObservabilityModule {
  static register(config: OperationsConfig): DynamicModule {
    const log = operationsLog(config);
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot({ pinoHttp: httpLogOptions(log) })],
      providers: [
        { provide: OPERATIONS_CONFIG, useValue: config },
        { provide: OPERATIONS_LOG, useValue: log },
        OperationTelemetryPlugin,
      ],
      exports: [OPERATIONS_CONFIG, OPERATIONS_LOG],
    };
  }
}
