import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toRequest } from '../graphql/request.mapping.js';
import { RequestPayload } from '../graphql/request.types.js';
import { requestsReadModel } from '../read-model/requests.read-model.js';
import { RaiseRequestCommand } from './raise-request.command.js';
import { RaiseRequestInput } from './raise-request.input.js';

@Resolver()
export class RaiseRequestResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => RequestPayload)
  async raiseRequest(@Args('input') input: RaiseRequestInput, @CurrentCaller() caller: Caller): Promise<RequestPayload> {
    const result = await this.commandBus.execute(new RaiseRequestCommand(input, caller));
    const request = await requestsReadModel(this.eventSourcing.readModels).request(idOfStream(result.stream));
    return { position: result.position.toString(), request: toRequest(readBack(request, result.position, 'request')) };
  }
}
