import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { DecideCommitmentInput } from '../decision/decide-commitment.input.js';
import { commitmentPayload } from '../graphql/commitment-payload.js';
import { CommitmentPayload } from '../graphql/commitment.types.js';
import { ApproveCommitmentCommand } from './approve-commitment.command.js';

@Resolver()
export class ApproveCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  @Mutation(() => CommitmentPayload)
  async approveCommitment(@Args('input') input: DecideCommitmentInput, @CurrentCaller() caller: Caller): Promise<CommitmentPayload> {
    const result = await this.commandBus.execute(new ApproveCommitmentCommand(input, caller));
    return commitmentPayload(this.eventSourcing.readModels, result, input.commitmentId);
  }
}
