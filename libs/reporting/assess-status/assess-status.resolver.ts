import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { StatusPayload } from '../graphql/reporting.types.js';
import { AssessStatusCommand } from './assess-status.command.js';
import { AssessStatusInput } from './assess-status.input.js';

@Resolver()
export class AssessStatusResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => StatusPayload)
  async assessStatus(@Args('input') input: AssessStatusInput, @CurrentCaller() caller: Caller): Promise<StatusPayload> {
    const result: CommandResult = await this.commandBus.execute(new AssessStatusCommand(input, caller));
    return { position: result.position.toString() };
  }
}
