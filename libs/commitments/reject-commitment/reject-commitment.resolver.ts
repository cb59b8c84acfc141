import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { DecideCommitmentInput } from '../decision/decide-commitment.input.js';
import { toCommitment } from '../graphql/commitment.mapping.js';
import { CommitmentPayload } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { RejectCommitmentCommand } from './reject-commitment.command.js';

@Resolver()
export class RejectCommitmentResolver {
  constructor(private readonly commandBus: CommandBus, private readonly ledger: Ledger) {}

  @Mutation(() => CommitmentPayload)
  async rejectCommitment(@Args('input') input: DecideCommitmentInput, @CurrentCaller() caller: Caller): Promise<CommitmentPayload> {
    const result = await this.commandBus.execute(new RejectCommitmentCommand(input, caller));
    const row = await commitmentsReadModel(this.ledger.readModels).commitment(input.commitmentId);
    return { position: result.position.toString(), commitment: toCommitment(row!) };
  }
}
