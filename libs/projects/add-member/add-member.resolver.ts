import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toProject } from '../graphql/project.mapping.js';
import { ProjectPayload } from '../graphql/project.types.js';
import { projectsReadModel } from '../read-model/projects.read-model.js';
import { AddMemberCommand } from './add-member.command.js';
import { AddMemberInput } from './add-member.input.js';

@Resolver()
export class AddMemberResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => ProjectPayload)
  async addMember(@Args('input') input: AddMemberInput, @CurrentCaller() caller: Caller): Promise<ProjectPayload> {
    const result = await this.commandBus.execute(new AddMemberCommand(input, caller));
    const project = await projectsReadModel(this.eventSourcing.readModels).project(input.projectId);
    return { position: result.position.toString(), project: toProject(readBack(project, result.position, 'project')) };
  }
}
