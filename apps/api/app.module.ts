import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { graphqlWsOptions } from '@cf/ledger';
import { BearerAuthGuard, DomainErrorFilter, customerViewMiddleware, NulCharactersPipe, ReadAfterWriteInterceptor, type LedgerConfig, LedgerModule, formatLedgerError, ledgerValidationPipe } from '@cf/ledger';
import { PersonalDataModule } from '@cf/personal-data';
import { HealthModule } from './health/health.module.js';
import { LEDGER_CONTEXTS, LEDGER_PROJECTIONS } from './ledger-contexts.js';
import { complexityLimitPlugin } from './limits/complexity.plugin.js';
import { subscriptionsOverWebSocketOnly } from './limits/http-subscriptions.plugin.js';
import { operationLimits } from './limits/operation-limits.js';
import { ObservabilityModule } from './observability/observability.module.js';
import type { OperationsConfig } from './observability/operations-config.js';

/** Wiring only: buses, the ledger, GraphQL on Apollo, the context modules, health and observability. */
@Module({})
export class AppModule {
  static register(config: LedgerConfig, operations: OperationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.register(operations),
        HealthModule,
        CqrsModule.forRoot(),
        LedgerModule.forRoot(config, LEDGER_PROJECTIONS),
        PersonalDataModule.forRoot(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          // What a CUSTOMER member sees of any object is decided once, for every field (libs/ledger/customer-view).
          buildSchemaOptions: { fieldMiddleware: [customerViewMiddleware] },
          // The default landing pages load from a CDN; /graphql serves a local console instead.
          graphiql: false,
          includeStacktraceInErrorResponses: false,
          formatError: formatLedgerError,
          validationRules: operationLimits,
          plugins: [complexityLimitPlugin, subscriptionsOverWebSocketOnly],
          // Longer documents are refused while parsing: alias floods, and nesting deep enough to exhaust the stack.
          parseOptions: { maxTokens: 10_000 },
          context: ({ req }: { req: unknown }) => ({ req }),
          subscriptions: { 'graphql-ws': graphqlWsOptions(config) },
        }),
        ...LEDGER_CONTEXTS,
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_PIPE, useClass: NulCharactersPipe },
        { provide: APP_PIPE, useFactory: ledgerValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadAfterWriteInterceptor },
      ],
    };
  }
}
