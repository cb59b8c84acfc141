import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventSourcing, IdsAcrossKinds } from '@cf/ledger';
import { commitmentsReadModel } from './read-model/commitments.read-model.js';

/**
 * A commitment has no stream of its own (its events are in its project's budget stream), so a
 * chosen id is checked against the commitments' read model. A commitment made a moment ago on
 * another instance may not be in it yet; only a client who already knows a commitment's id can
 * choose it, and by then it is.
 */
@Injectable()
export class CommitmentIds implements OnModuleInit {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly ids: IdsAcrossKinds,
  ) {}

  onModuleInit(): void {
    this.ids.findsEntitiesWithoutStream(
      'commitment',
      async (id) => (await commitmentsReadModel(this.eventSourcing.readModels).commitment(id)) !== undefined,
    );
  }
}
