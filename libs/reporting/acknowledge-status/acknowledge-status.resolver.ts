import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { StatusPayload } from '../graphql/reporting.types.js';
import { AcknowledgeStatusCommand } from './acknowledge-status.command.js';
import { AcknowledgeStatusInput } from './acknowledge-status.input.js';

@Resolver()
export class AcknowledgeStatusResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => StatusPayload)
  async acknowledgeStatus(@Args('input') input: AcknowledgeStatusInput, @CurrentCaller() caller: Caller): Promise<StatusPayload> {
    const result: CommandResult = await this.commandBus.execute(new AcknowledgeStatusCommand(input, caller));
    return { position: result.position.toString() };
  }
}
