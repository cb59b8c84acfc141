import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { ProjectPayload, projectsReadModel, toProject } from '@cf/projects';
import { ChangeBudgetCommand } from './change-budget.command.js';
import { ChangeBudgetInput } from './change-budget.input.js';

@Resolver()
export class ChangeBudgetResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ProjectPayload)
  async changeBudget(@Args('input') input: ChangeBudgetInput, @CurrentCaller() caller: Caller): Promise<ProjectPayload> {
    const result = await this.commandBus.execute(new ChangeBudgetCommand(input, caller));
    const project = await projectsReadModel(this.eventSourcing.readModels).project(input.projectId);
    return { position: result.position.toString(), project: toProject(readBack(project, result.position, 'project')) };
  }
}
