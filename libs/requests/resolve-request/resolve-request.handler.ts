import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { RequestAccess } from '../access/request-access.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { ResolveRequestCommand } from './resolve-request.command.js';

/** The team closes a request with what came of it. */
@CommandHandler(ResolveRequestCommand)
export class ResolveRequestHandler implements ICommandHandler<ResolveRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: RequestAccess,
  ) {}

  async execute({ input, caller }: ResolveRequestCommand): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      requestsDecider,
      streamName('request', input.requestId),
      async (onRecord) => {
        await this.access.require(caller, input.requestId, ['MANAGER', 'DEVELOPER'], 'resolve requests', onRecord);
        return {
          type: 'ResolveRequest' as const,
          requestId: input.requestId,
          resolution: input.resolution,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
