import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import { contactsReadModel } from '@cf/contacts';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess, projectsDecider } from '@cf/projects';
import { requirementsReadModel } from '../read-model/requirements.read-model.js';
import { ApproveBaselineCommand } from './approve-baseline.command.js';

/**
 * Only a MANAGER approves a baseline. It is a project event (the project stream keeps its
 * baselines), so the live requirements and the countersigner are looked up here and handed in.
 */
@CommandHandler(ApproveBaselineCommand)
export class ApproveBaselineHandler implements ICommandHandler<ApproveBaselineCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller, baselineId }: ApproveBaselineCommand): Promise<CommandResult> {
    await this.access.require(caller, input.projectId, ['MANAGER'], 'approve a baseline');
    const db = this.ledger.readModels;
    const contact = await contactsReadModel(db).contact(input.countersignedById);
    const live = await requirementsReadModel(db).liveRequirements(input.projectId);
    const at = this.ledger.now();
    return this.ledger.execute(projectsDecider, streamName('project', input.projectId), {
      type: 'ApproveBaseline',
      projectId: input.projectId,
      baselineId,
      name: input.name,
      countersignedById: input.countersignedById,
      countersignedBy: contact
        ? { id: contact.id, projectId: contact.project_id, canApproveScope: contact.can_approve_scope === 1, name: contact.name }
        : null,
      requirements: live.map((r) => ({ requirementId: r.id, key: r.key, revision: r.revision, estimateHours: r.estimate_hours })),
      at: at.toISOString(),
      actor: caller.actor,
    }, { caller, at });
  }
}
