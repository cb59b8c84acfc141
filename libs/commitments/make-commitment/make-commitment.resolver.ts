import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, EventSourcing } from '@cf/ledger';
import { commitmentPayload } from '../graphql/commitment-payload.js';
import { CommitmentPayload } from '../graphql/commitment.types.js';
import { MakeCommitmentCommand } from './make-commitment.command.js';
import { MakeCommitmentInput } from './make-commitment.input.js';

@Resolver()
export class MakeCommitmentResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly eventSourcing: EventSourcing,
  ) {}

  /** The commitment is the one made at the result's position: a retried idempotency key answers with the first. */
  @Mutation(() => CommitmentPayload)
  async makeCommitment(@Args('input') input: MakeCommitmentInput, @CurrentCaller() caller: Caller): Promise<CommitmentPayload> {
    const result = await this.commandBus.execute(new MakeCommitmentCommand(input, caller));
    const made = await this.eventSourcing.eventAt(result.position);
    return commitmentPayload(this.eventSourcing.readModels, result, String(made?.data.commitmentId));
  }
}
