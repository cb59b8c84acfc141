import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toRequirement } from '../graphql/requirement.mapping.js';
import { RequirementPayload } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { RemoveRequirementCommand } from './remove-requirement.command.js';
import { RemoveRequirementInput } from './remove-requirement.input.js';

@Resolver()
export class RemoveRequirementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => RequirementPayload)
  async removeRequirement(@Args('input') input: RemoveRequirementInput, @CurrentCaller() caller: Caller): Promise<RequirementPayload> {
    const result = await this.commandBus.execute(new RemoveRequirementCommand(input, caller));
    const requirement = await requirementsReadModel(this.eventSourcing.readModels).requirement(input.requirementId);
    return { position: result.position.toString(), requirement: toRequirement(readBack(requirement, result.position, 'requirement')) };
  }
}
