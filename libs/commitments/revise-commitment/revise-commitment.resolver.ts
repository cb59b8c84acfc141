import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { commitmentPayload } from '../graphql/commitment-payload.js';
import { CommitmentPayload } from '../graphql/commitment.types.js';
import { ReviseCommitmentCommand } from './revise-commitment.command.js';
import { ReviseCommitmentInput } from './revise-commitment.input.js';

@Resolver()
export class ReviseCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => CommitmentPayload)
  async reviseCommitment(@Args('input') input: ReviseCommitmentInput, @CurrentCaller() caller: Caller): Promise<CommitmentPayload> {
    const result = await this.commandBus.execute(new ReviseCommitmentCommand(input, caller));
    return commitmentPayload(this.eventSourcing.readModels, result, input.commitmentId);
  }
}
