import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
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
    const command = new ApproveBaselineCommand(input, caller);
    const result = await this.commandBus.execute(command);
    const baseline = await projectsReadModel(this.eventSourcing.readModels).baseline(command.baselineId);
    return { position: result.position.toString(), baseline: toBaseline(readBack(baseline, result.position, 'baseline')) };
  }
}
