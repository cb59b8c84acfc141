import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toRequest } from '../graphql/request.mapping.js';
import { RequestPayload } from '../graphql/request.types.js';
import { requestsReadModel } from '../read-model/requests.read-model.js';
import { ConfirmRequestCommand } from './confirm-request.command.js';
import { ConfirmRequestInput } from './confirm-request.input.js';

@Resolver()
export class ConfirmRequestResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => RequestPayload)
  async confirmRequest(@Args('input') input: ConfirmRequestInput, @CurrentCaller() caller: Caller): Promise<RequestPayload> {
    const result: CommandResult = await this.commandBus.execute(new ConfirmRequestCommand(input, caller));
    const request = await requestsReadModel(this.eventSourcing.readModels).request(input.requestId);
    return { position: result.position.toString(), request: toRequest(readBack(request, result.position, 'request')) };
  }
}
