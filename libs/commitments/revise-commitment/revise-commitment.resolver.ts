import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { toCommitment } from '../graphql/commitment.mapping.js';
import { CommitmentPayload } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { ReviseCommitmentCommand } from './revise-commitment.command.js';
import { ReviseCommitmentInput } from './revise-commitment.input.js';

@Resolver()
export class ReviseCommitmentResolver {
  constructor(private readonly commandBus: CommandBus, private readonly ledger: Ledger) {}

  @Mutation(() => CommitmentPayload)
  async reviseCommitment(@Args('input') input: ReviseCommitmentInput, @CurrentCaller() caller: Caller): Promise<CommitmentPayload> {
    const result = await this.commandBus.execute(new ReviseCommitmentCommand(input, caller));
    const row = await commitmentsReadModel(this.ledger.readModels).commitment(input.commitmentId);
    return { position: result.position.toString(), commitment: toCommitment(row!) };
  }
}
