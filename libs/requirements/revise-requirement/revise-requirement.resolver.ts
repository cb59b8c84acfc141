import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing, readBack } from '@cf/ledger';
import { toRequirement } from '../graphql/requirement.mapping.js';
import { RequirementPayload } from '../graphql/requirement.types.js';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { ReviseRequirementCommand } from './revise-requirement.command.js';
import { ReviseRequirementInput } from './revise-requirement.input.js';

@Resolver()
export class ReviseRequirementResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => RequirementPayload)
  async reviseRequirement(@Args('input') input: ReviseRequirementInput, @CurrentCaller() caller: Caller): Promise<RequirementPayload> {
    const result = await this.commandBus.execute(new ReviseRequirementCommand(input, caller));
    const requirement = await requirementsReadModel(this.eventSourcing.readModels).requirement(input.requirementId);
    return { position: result.position.toString(), requirement: toRequirement(readBack(requirement, result.position, 'requirement')) };
  }
}
