import { Injectable } from '@nestjs/common';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { type Caller, Ledger } from '@cf/ledger';
import { ProjectAccess, type ProjectRole } from '@cf/projects';
import type { Actor } from '../domain/commitments.events.js';
import type { CommitmentCommand } from '../domain/commitments.commands.js';
import { commitmentErrors } from '../domain/commitments.errors.js';
import { commitmentsDecider } from '../domain/commitments.decide.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';
import type { DecideCommitmentInput } from './decide-commitment.input.js';

/** What each decision slice adds to the common part of its command. */
export type DecisionOf = (meta: { at: string; actor: Actor; role: ProjectRole }) => CommitmentCommand;

/**
 * The steps approve, reject, withdraw and deliver share: find the commitment's project
 * (NOT_FOUND before anything else), check the caller's role there, run the decider.
 */
@Injectable()
export class CommitmentDecisions {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async run(caller: Caller, input: DecideCommitmentInput, roles: readonly ProjectRole[], action: string, command: DecisionOf): Promise<CommandResult> {
    const row = await commitmentsReadModel(this.ledger.readModels).commitment(input.commitmentId);
    if (!row) throw commitmentErrors.notFound(input.commitmentId);
    const { role } = await this.access.require(caller, row.project_id, roles, action);
    const at = this.ledger.now();
    return this.ledger.execute(
      commitmentsDecider,
      streamName('commitment', input.commitmentId),
      command({ at: at.toISOString(), actor: caller.actor, role }),
      { caller, at },
    );
  }
}
