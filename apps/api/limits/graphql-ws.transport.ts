import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, type GraphQLFormattedError, getOperationAST } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import { isDomainError } from '@cf/core';
import {
  EventSourcing,
  JWT_SECRET,
  LEDGER_CONFIG,
  type LedgerConfig,
  type LedgerRequest,
  RateLimiter,
  USER_RATE_LIMITER,
  answeredAsAccepted,
  ledgerErrorFormat,
  graphqlWsOptions,
} from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { OPERATIONS_LOG } from '../logging/operations-log.js';
import { WebSocketOperationsLog } from '../logging/websocket-operations.js';
import { LiveSubscriptions } from './live-subscriptions.js';
import { OpenSockets, TOO_MANY_SOCKETS } from './open-sockets.js';
import { limitedExecutionArgs } from './limited-execution-args.js';
import { OPERATION_LIMITS } from './operation-limits.js';
import { metaOnlyRefusal, reachesResolvers } from './unguarded-rate-limit.plugin.js';
import { acceptUpgrades } from './websocket-upgrades.js';

/** Mounts graphql-ws on the API's HTTP server once the schema is built; closes it on shutdown. */
@Injectable()
export class GraphqlWsTransport implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: WebSocketServer | undefined;
  private disposable: { dispose(): void | Promise<void> } | undefined;

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(JWT_SECRET) private readonly tokenSecret: string,
    private readonly personalData: PersonalData,
    private readonly eventSourcing: EventSourcing,
    @Inject(OPERATIONS_LOG) private readonly log: Logger,
    @Inject(USER_RATE_LIMITER) private readonly perUser: RateLimiter,
  ) {}

  onApplicationBootstrap(): void {
    const schema = this.schemaHost.schema;
    // noServer: attached to the HTTP server, ws would also report the server's own errors (a port in use) as its own.
    const server = new WebSocketServer({ noServer: true, maxPayload: OPERATION_LIMITS.maxBytes });
    this.server = server;
    acceptUpgrades(this.http.httpAdapter.getHttpServer(), server, () => this.eventSourcing.runner.hasCaughtUp(), this.log);
    const auth = graphqlWsOptions(this.tokenSecret);
    const live = new LiveSubscriptions({ perSocket: this.config.subscriptionsPerSocket, perUser: this.config.subscriptionsPerUser });
    const operations = new WebSocketOperationsLog(this.log);
    const sockets = new OpenSockets(this.config.socketsPerUser);
    const format = ledgerErrorFormat(this.config);
    this.disposable = useServer(
      {
        schema,
        onConnect: async (ctx) => {
          const { socket } = ctx.extra as { socket: WebSocket };
          // One that closed while its token was checked has had its onClose: it is not counted.
          if (!(await auth.onConnect(ctx)) || socket.readyState !== socket.OPEN) return false;
          const refusal = sockets.admit(ctx, (ctx as { req?: LedgerRequest }).req?.caller?.actor.userId ?? '');
          // Closed here with its own code and reason; graphql-ws's 4403 for the false that follows finds it closing.
          if (refusal) socket.close(TOO_MANY_SOCKETS, refusal);
          return !refusal;
        },
        onComplete: (ctx, _id, payload) => {
          live.close(ctx, payload);
          operations.ended(ctx, payload);
        },
        onClose: (ctx, code) => {
          sockets.closed(ctx);
          live.closeAll(ctx);
          operations.closed(ctx, code);
        },
        // Sealed values are opened for readers here, as UnsealPlugin opens them over HTTP: a query or a
        // mutation sent over the socket answers what it answers over HTTP.
        onNext: (ctx, id, payload, args, result) => {
          const formatted = auth.onNext(ctx, id, payload, args, result);
          // As over HTTP (acceptedAnswer): an internal error after this operation's append says where it was accepted.
          const caller = (args.contextValue as { req?: LedgerRequest } | undefined)?.req?.caller;
          const mutation = getOperationAST(args.document, args.operationName)?.operation === 'mutation';
          const mapped = formatted && { ...formatted, errors: answeredAsAccepted(formatted.errors, caller, mutation) };
          operations.answered(ctx, payload, mapped?.errors, result.errors);
          return this.personalData.unseal(mapped ?? result);
        },
        onSubscribe: (ctx, id, payload) => {
          const receivedAt = performance.now();
          const args = limitedExecutionArgs(schema, payload, this.config.introspection);
          const operation = Array.isArray(args) ? undefined : getOperationAST(args.document, args.operationName);
          operations.received(ctx, payload, operation, receivedAt);
          if (Array.isArray(args) || !operation) return args;
          // onConnect put the caller there: a subscribe comes only on an acknowledged socket.
          const userId = (ctx as { req?: LedgerRequest }).req?.caller?.actor.userId ?? '';
          // The guard charges an operation that reaches a resolver; one of meta fields alone is charged here, as over HTTP.
          const unguarded = reachesResolvers(schema, operation, args.document, payload.variables)
            ? undefined
            : metaOnlyRefusal(this.perUser, userId);
          if (unguarded) return [unguarded];
          if (operation.operation !== 'subscription') return args;
          const refusal = live.open(ctx, userId, id, payload);
          return refusal ? [new GraphQLError(refusal.message, { originalError: refusal })] : args;
        },
        // A refusal goes out with the codes and wording of HTTP's (a ledger refusal, such as the subscription caps, with its own).
        onError: (ctx, _id, payload, errors): GraphQLFormattedError[] => {
          const mapped = errors.map((error) => format(error.toJSON(), isDomainError(error.originalError) ? error.originalError : error));
          operations.answered(ctx, payload, mapped, errors);
          return mapped;
        },
        // The operation's correlation id is chosen with its context: its log lines carry that one.
        context: (ctx, id, payload) => {
          const context = auth.context(ctx, id, payload);
          operations.started(ctx, payload, context.req.correlationId);
          return context;
        },
      },
      this.server,
    );
  }

  /**
   * Ends every subscription with graphql-ws's Going Away (1001), so a subscriber tells a stop from
   * a crash (1006) and reconnects elsewhere: at a stop, before the application closes
   * (stopOnSignals), whose GraphQL module drains the HTTP server by destroying every socket left,
   * these too. Waits a second at most for their close handshakes; a failure is only logged, so the store still closes.
   */
  async endSubscriptions(): Promise<void> {
    const disposable = this.disposable;
    this.disposable = undefined;
    const ended = Promise.resolve(disposable?.dispose()).catch((error: unknown) =>
      this.log.warn({ err: error }, 'ending the subscriptions at a stop failed; their sockets are closed with the server'),
    );
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endSubscriptions();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
