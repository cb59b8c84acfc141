import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { RequestAccess } from '../access/request-access.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { RespondToRequestCommand } from './respond-to-request.command.js';

/** The team answers requests; the first answer makes an open request ANSWERED. */
@CommandHandler(RespondToRequestCommand)
export class RespondToRequestHandler implements ICommandHandler<RespondToRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: RequestAccess,
  ) {}

  async execute({ input, caller }: RespondToRequestCommand): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      requestsDecider,
      streamName('request', input.requestId),
      async (onRecord) => {
        await this.access.require(caller, input.requestId, ['MANAGER', 'DEVELOPER'], 'respond to requests', onRecord);
        return {
          type: 'RespondToRequest' as const,
          requestId: input.requestId,
          stance: input.stance,
          message: input.message,
          estimateHours: input.estimateHours ?? undefined,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
