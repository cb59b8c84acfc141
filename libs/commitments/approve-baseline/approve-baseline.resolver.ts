import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { projectsReadModel } from '@cf/projects';
import { BaselinePayload, toBaseline } from '@cf/requirements';
import { ApproveBaselineCommand } from './approve-baseline.command.js';
import { ApproveBaselineInput } from './approve-baseline.input.js';

@Resolver()
export class ApproveBaselineResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => BaselinePayload)
  async approveBaseline(@Args('input') input: ApproveBaselineInput, @CurrentCaller() caller: Caller): Promise<BaselinePayload> {
    const result: CommandResult = await this.commandBus.execute(new ApproveBaselineCommand(input, caller));
    // The baseline approved at the result's position: a keyed retry's is the first one's, not the id this command drew.
    const approved = await this.eventSourcing.eventAt(result.position);
    const baseline = await projectsReadModel(this.eventSourcing.readModels).baseline(String(approved?.data.baselineId));
    return { position: result.position.toString(), baseline: toBaseline(readBack(baseline, result.position, 'baseline')) };
  }
}
