import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { idOfStream } from '@cf/core';
import { type Caller, CurrentCaller, Ledger } from '@cf/ledger';
import { toCommitment } from '../graphql/commitment.mapping.js';
import { CommitmentPayload } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import { MakeCommitmentCommand } from './make-commitment.command.js';
import { MakeCommitmentInput } from './make-commitment.input.js';

@Resolver()
export class MakeCommitmentResolver {
  constructor(private readonly commandBus: CommandBus, private readonly ledger: Ledger) {}

  @Mutation(() => CommitmentPayload)
  async makeCommitment(@Args('input') input: MakeCommitmentInput, @CurrentCaller() caller: Caller): Promise<CommitmentPayload> {
    const result = await this.commandBus.execute(new MakeCommitmentCommand(input, caller));
    const row = await commitmentsReadModel(this.ledger.readModels).commitment(idOfStream(result.stream));
    return { position: result.position.toString(), commitment: toCommitment(row!) };
  }
}
