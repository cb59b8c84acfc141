import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import { sessionOnRecord } from '@cf/contacts';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { RequestAccess } from '../access/request-access.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { ReviseRequestCommand } from './revise-request.command.js';

/** The team rewords a request, saying why (and optionally in which session it was agreed). */
@CommandHandler(ReviseRequestCommand)
export class ReviseRequestHandler implements ICommandHandler<ReviseRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: RequestAccess,
  ) {}

  async execute({ input, caller }: ReviseRequestCommand): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      requestsDecider,
      streamName('request', input.requestId),
      // The session it was agreed in from its stream, held unmoved till the append (voided elsewhere meanwhile: taken again).
      async (onRecord) => {
        await this.access.require(caller, input.requestId, ['MANAGER', 'DEVELOPER'], 'revise requests', onRecord);
        return {
          type: 'ReviseRequest' as const,
          requestId: input.requestId,
          title: input.title ?? undefined,
          description: input.description ?? undefined,
          reason: input.reason,
          sessionId: input.sessionId ?? undefined,
          session: input.sessionId ? await sessionOnRecord(onRecord, input.sessionId) : undefined,
          actor: caller.actor,
        };
      },
      { caller, expectedRevision: input.expectedRevision },
    );
  }
}
