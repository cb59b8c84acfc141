import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toProject } from '../graphql/project.mapping.js';
import { ProjectPayload } from '../graphql/project.types.js';
import { projectsReadModel } from '../read-model/projects.read-model.js';
import { RemoveMemberCommand } from './remove-member.command.js';
import { RemoveMemberInput } from './remove-member.input.js';

@Resolver()
export class RemoveMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ProjectPayload)
  async removeMember(@Args('input') input: RemoveMemberInput, @CurrentCaller() caller: Caller): Promise<ProjectPayload> {
    const result = await this.commandBus.execute(new RemoveMemberCommand(input, caller));
    const project = await projectsReadModel(this.eventSourcing.readModels).project(input.projectId);
    return { position: result.position.toString(), project: toProject(readBack(project, result.position, 'project')) };
  }
}
