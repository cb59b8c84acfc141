import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { RequestAccess } from '../access/request-access.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { WithdrawRequestCommand } from './withdraw-request.command.js';

/** The team withdraws any request; a customer withdraws the ones they made. */
@CommandHandler(WithdrawRequestCommand)
export class WithdrawRequestHandler implements ICommandHandler<WithdrawRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: RequestAccess,
  ) {}

  async execute({ input, caller }: WithdrawRequestCommand): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      requestsDecider,
      streamName('request', input.requestId),
      async (onRecord) => {
        await this.access.require(caller, input.requestId, ['MANAGER', 'DEVELOPER', 'CUSTOMER'], 'withdraw requests', onRecord);
        return {
          type: 'WithdrawRequest' as const,
          requestId: input.requestId,
          reason: input.reason,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
