import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller } from '@cf/ledger';
import { StatusPayload } from '../graphql/reporting.types.js';
import { ReportStatusCommand } from './report-status.command.js';
import { ReportStatusInput } from './report-status.input.js';

@Resolver()
export class ReportStatusResolver {
  constructor(private readonly commandBus: CommandBus) {}

  @Mutation(() => StatusPayload)
  async reportStatus(@Args('input') input: ReportStatusInput, @CurrentCaller() caller: Caller): Promise<StatusPayload> {
    const result: CommandResult = await this.commandBus.execute(new ReportStatusCommand(input, caller));
    return { position: result.position.toString() };
  }
}
