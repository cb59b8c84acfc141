import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { type EventSealer, PersonalData } from '@cf/personal-data';
import { ProjectAccess } from '@cf/projects';
import { reportingDecider } from '../domain/reporting.decide.js';
import { namedReport } from '../read-model/named-report.js';
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
    const { row: report, named } = await namedReport(this.eventSourcing.readModels, input.reportId);
    // Set by each try as it reads who acknowledges: the append seals with what that try found.
    let seal: EventSealer | undefined;
    return executeOnRecord(
      this.eventSourcing,
      reportingDecider,
      streamName('status', report.subject_id),
      async (onRecord) => {
        const { role, member } = await this.access.requireNamed(caller, named, ['CUSTOMER'], 'acknowledge status reports', onRecord);
        seal = await this.personalData.sealerForCustomerName({ role, contactId: member.contact_id }, 'acknowledgedBy.name');
        return {
          type: 'AcknowledgeStatus' as const,
          subjectId: report.subject_id,
          reportId: input.reportId,
          agrees: input.agrees,
          note: input.note,
          acknowledger: { role, contactId: member.contact_id },
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
      { sealEvents: (events) => (seal ? seal(events) : events) },
    );
  }
}
