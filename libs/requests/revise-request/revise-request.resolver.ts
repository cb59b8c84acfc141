import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toRequest } from '../graphql/request.mapping.js';
import { RequestPayload } from '../graphql/request.types.js';
import { requestsReadModel } from '../read-model/requests.read-model.js';
import { ReviseRequestCommand } from './revise-request.command.js';
import { ReviseRequestInput } from './revise-request.input.js';

@Resolver()
export class ReviseRequestResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => RequestPayload)
  async reviseRequest(@Args('input') input: ReviseRequestInput, @CurrentCaller() caller: Caller): Promise<RequestPayload> {
    const result = await this.commandBus.execute(new ReviseRequestCommand(input, caller));
    const request = await requestsReadModel(this.eventSourcing.readModels).request(input.requestId);
    return { position: result.position.toString(), request: toRequest(readBack(request, result.position, 'request')) };
  }
}
