import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject, Optional } from '@nestjs/common';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { JWT_SECRET, type LedgerRequest, callerOfRequest, correlationIdOf } from '@cf/ledger';
import { OPERATION_ENDED, endedFields, internalCauseOf, outcomeOf, writeEnded } from '../logging/operation-line.js';
import { answeredAtDrainEnd } from '../shutdown/left-at-drain-end.js';
import { LOGGED_AS_OPERATION, OPERATIONS_LOG } from '../logging/operations-log.js';
import { LEDGER_METRICS, type LedgerMetrics } from '../metrics/ledger-metrics.js';
import { OperationNames } from './operation-names.js';
import { setOperationSpan } from './operation-span.js';
import { tracer } from './spans.js';

interface OperationContext {
  req?: LedgerRequest;
}

/** The errors the client was sent (already mapped by formatLedgerError). */
const errorsOf = ({ response }: GraphQLRequestContextWillSendResponse<OperationContext>) =>
  response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;

/**
 * Every GraphQL operation over HTTP, observed once: one log line (name, type, caller, duration,
 * outcome, correlation id), one observation of the duration histogram, and one span that the
 * command's spans hang under. Variables are never logged: they carry personal fields.
 */
@Plugin()
export class OperationTelemetryPlugin implements ApolloServerPlugin<OperationContext> {
  private readonly names = new OperationNames();

  constructor(
    @Inject(OPERATIONS_LOG) private readonly log: Logger,
    @Optional() @Inject(LEDGER_METRICS) private readonly metrics?: LedgerMetrics,
    @Optional() @Inject(JWT_SECRET) private readonly tokenSecret?: string,
  ) {}

  /**
   * Who sent it: known once a resolver ran; for an operation refused before (a document that does
   * not validate), from its token, verified as the bearer guard does (once per request), so the line
   * names the caller of every operation a token came with. A token that does not verify names none.
   */
  private async callerOf(request: LedgerRequest | undefined): Promise<string | null> {
    if (!request) return null;
    if (!request.caller && this.tokenSecret && request.headers.authorization)
      await callerOfRequest(this.tokenSecret, request).catch(() => undefined);
    return request.caller?.actor.userId ?? null;
  }

  async requestDidStart({ contextValue }: { contextValue: OperationContext }): Promise<GraphQLRequestListener<OperationContext>> {
    const started = performance.now();
    const correlationId = contextValue.req ? correlationIdOf(contextValue.req) : undefined;
    const span = tracer.startSpan('graphql operation', { kind: SpanKind.SERVER, attributes: { 'ledger.correlation_id': correlationId } });
    setOperationSpan(contextValue, span);
    return {
      didResolveOperation: async ({ operation }) => {
        if (!operation) return;
        const name = operation.name?.value;
        span.updateName(`${operation.operation} ${name ?? 'anonymous'}`);
        span.setAttributes({ 'graphql.operation.type': operation.operation, 'graphql.operation.name': name });
      },
      willSendResponse: async (request) => {
        const seconds = (performance.now() - started) / 1000;
        // A request answered at a stop's drain end: its client got that answer, whatever its work came to after.
        const atDrainEnd = request.contextValue.req && answeredAtDrainEnd.get(request.contextValue.req);
        const errors = atDrainEnd ? [atDrainEnd] : errorsOf(request);
        const outcome = outcomeOf(errors);
        const name = request.operation?.name?.value ?? request.request.operationName ?? undefined;
        const type = request.operation?.operation ?? 'unknown';
        this.metrics?.operationDuration.observe({ operation: this.names.label(name), type, outcome }, seconds);
        const caller = await this.callerOf(request.contextValue.req);
        if (request.contextValue.req) LOGGED_AS_OPERATION.add(request.contextValue.req);
        const fields = endedFields({ name, type, caller, correlationId, transport: 'http' }, seconds, errors);
        if (atDrainEnd) {
          const cause = internalCauseOf(request.errors);
          this.log.warn({ ...fields, workEnded: cause ? 'FAILED' : 'OK', ...(cause ? { err: cause } : {}) }, OPERATION_ENDED);
        } else writeEnded(this.log, fields, internalCauseOf(request.errors));
        if (outcome !== 'OK') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
        span.setAttribute('ledger.outcome', outcome);
        span.end();
      },
    };
  }
}
