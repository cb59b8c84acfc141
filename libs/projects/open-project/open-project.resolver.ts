import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toProject } from '../graphql/project.mapping.js';
import { ProjectPayload } from '../graphql/project.types.js';
import { projectsReadModel } from '../read-model/projects.read-model.js';
import { OpenProjectCommand } from './open-project.command.js';
import { OpenProjectInput } from './open-project.input.js';

@Resolver()
export class OpenProjectResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ProjectPayload)
  async openProject(@Args('input') input: OpenProjectInput, @CurrentCaller() caller: Caller): Promise<ProjectPayload> {
    const result = await this.commandBus.execute(new OpenProjectCommand(input, caller));
    const project = await projectsReadModel(this.eventSourcing.readModels).project(idOfStream(result.stream));
    return { position: result.position.toString(), project: toProject(readBack(project, result.position, 'project')) };
  }
}
