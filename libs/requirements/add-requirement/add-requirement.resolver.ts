import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toRequirement } from '../graphql/requirement.mapping.js';
import { RequirementPayload } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { AddRequirementCommand } from './add-requirement.command.js';
import { AddRequirementInput } from './add-requirement.input.js';

@Resolver()
export class AddRequirementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => RequirementPayload)
  async addRequirement(@Args('input') input: AddRequirementInput, @CurrentCaller() caller: Caller): Promise<RequirementPayload> {
    const result = await this.commandBus.execute(new AddRequirementCommand(input, caller));
    const requirement = await requirementsReadModel(this.eventSourcing.readModels).requirement(idOfStream(result.stream));
    return { position: result.position.toString(), requirement: toRequirement(readBack(requirement, result.position, 'requirement')) };
  }
}
