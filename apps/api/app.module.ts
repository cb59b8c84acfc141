import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import {
  BearerAuthGuard,
  LedgerErrorFilter,
  withCustomerView,
  UnreadableTextPipe,
  ReadAfterWriteInterceptor,
  ViewerRolesInterceptor,
  type LedgerConfig,
  LedgerModule,
  ledgerErrorFormat,
  ledgerValidationPipe,
  EventSourcing,
  RateLimiter,
  USER_RATE_LIMITER,
  type ServedStore,
  resolveJwtSecret,
} from '@cf/ledger';
import { PersonalDataModule } from '@cf/personal-data';
import { HealthModule } from './health/health.module.js';
import { LEDGER_CONTEXTS, LEDGER_PROJECTIONS } from './ledger-contexts.js';
import { unguardedRateLimit } from './limits/unguarded-rate-limit.plugin.js';
import { GraphqlWsTransport } from './limits/graphql-ws.transport.js';
import { subscriptionsOverWebSocketOnly } from './limits/http-subscriptions.plugin.js';
import { operationLimitsPlugin } from './limits/limits.plugin.js';
import { retryAfterRateLimit } from './limits/retry-after.plugin.js';
import { acceptedAnswer } from './web/accepted-answer.plugin.js';
import { OPERATION_LIMITS } from './limits/operation-limits.js';
import { ObservabilityModule } from './observability/observability.module.js';
import type { OperationsConfig } from './observability/operations-config.js';

/** Wiring only: buses, the ledger, GraphQL on Apollo, the context modules, health and observability. */
@Module({})
export class AppModule {
  static register(config: LedgerConfig, operations: OperationsConfig, served?: ServedStore): DynamicModule {
    // The secret main.ts showed with its share, not read again: the file could have changed since.
    const tokenSecret = served?.secret.secret ?? resolveJwtSecret(config).secret;
    // One per app: the guard charges resolved fields to it, unguardedRateLimit what reaches no resolver.
    const perUser = new RateLimiter(config.rateLimitPerMinute);
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.register(operations),
        HealthModule,
        CqrsModule.forRoot(),
        LedgerModule.forRoot(config, LEDGER_PROJECTIONS, { tokenSecret, share: served?.share }),
        PersonalDataModule.forRoot(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          // What a CUSTOMER member sees of any object is decided once, for every field (libs/ledger/customer-view).
          transformSchema: withCustomerView,
          // A field resolver's error passes LedgerErrorFilter as a query's does (logged once with its correlation id); no guards or interceptors on fields.
          fieldResolverEnhancers: ['filters'],
          // The default landing pages load from a CDN; /graphql serves a local console instead.
          graphiql: false,
          includeStacktraceInErrorResponses: false,
          formatError: ledgerErrorFormat(config),
          // Introspection, like every other limit, is decided in limits/operation-limits.ts for all transports.
          introspection: true,
          // No cache hints are given, so Apollo's cache-control plugin would only wrap every field's resolver.
          plugins: [
            // First: a caller over its limit is refused before the operation's other limits are weighed.
            unguardedRateLimit(config, perUser, tokenSecret),
            operationLimitsPlugin({ introspection: config.introspection }),
            subscriptionsOverWebSocketOnly,
            retryAfterRateLimit,
            acceptedAnswer,
            ApolloServerPluginCacheControlDisabled(),
          ],
          parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
          context: ({ req }: { req: unknown }) => ({ req }),
          // graphql-ws is mounted by GraphqlWsTransport, with the same limits.
        }),
        ...LEDGER_CONTEXTS,
      ],
      providers: [
        GraphqlWsTransport,
        { provide: USER_RATE_LIMITER, useValue: perUser },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_PIPE, useClass: UnreadableTextPipe },
        { provide: APP_PIPE, useFactory: ledgerValidationPipe, inject: [EventSourcing] },
        { provide: APP_FILTER, useClass: LedgerErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadAfterWriteInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ViewerRolesInterceptor },
      ],
    };
  }
}
