import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { ProjectAccess } from '@cf/projects';
import { reportingDecider } from '../domain/reporting.decide.js';
import { reportingErrors } from '../domain/reporting.errors.js';
import { reportingReadModel } from '../read-model/reporting.read-model.js';
import { AcknowledgeStatusCommand } from './acknowledge-status.command.js';

/** Only a CUSTOMER acknowledges, and the decider keeps them to the reports made to the contact they are. */
@CommandHandler(AcknowledgeStatusCommand)
export class AcknowledgeStatusHandler implements ICommandHandler<AcknowledgeStatusCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: AcknowledgeStatusCommand): Promise<CommandResult> {
    const report = await reportingReadModel(this.eventSourcing.readModels).report(input.reportId);
    if (!report) throw reportingErrors.reportNotFound(input.reportId);
    const named = {
      projectId: report.project_id,
      unknown: reportingErrors.reportNotFound(input.reportId),
      seenByCustomer: (own: string | null) => own === report.told_to_id,
    };
    const { role, member } = await this.access.requireNamed(caller, named, ['CUSTOMER'], 'acknowledge status reports');
    const sealEvents = await this.personalData.sealerForCustomerName({ role, contactId: member.contact_id }, 'acknowledgedBy.name');
    return this.eventSourcing.execute(
      reportingDecider,
      streamName('status', report.subject_id),
      {
        type: 'AcknowledgeStatus',
        subjectId: report.subject_id,
        reportId: input.reportId,
        agrees: input.agrees,
        note: input.note,
        acknowledger: { role, contactId: member.contact_id },
        actor: caller.actor,
      },
      { caller },
      { sealEvents },
    );
  }
}
