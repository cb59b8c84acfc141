import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import { contactOnRecord } from '@cf/contacts';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { reportingDecider } from '../domain/reporting.decide.js';
import { findStatusSubject } from '../status-subject/find-status-subject.js';
import { ReportStatusCommand } from './report-status.command.js';

/** Managers and developers record what they told the customer, so it can be held against the real state. */
@CommandHandler(ReportStatusCommand)
export class ReportStatusHandler implements ICommandHandler<ReportStatusCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: ReportStatusCommand): Promise<CommandResult> {
    const reportId = newId();
    // The contact from its stream, held unmoved: a report must not land after they were forgotten.
    return executeOnRecord(
      this.eventSourcing,
      reportingDecider,
      streamName('status', input.subjectId),
      async (onRecord) => {
        await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'report status', onRecord);
        const [subject, contact] = await Promise.all([
          findStatusSubject(this.eventSourcing.readModels, input.subjectId, onRecord),
          contactOnRecord(onRecord, input.toldToId),
        ]);
        return {
          type: 'ReportStatus' as const,
          reportId,
          projectId: input.projectId,
          subjectId: input.subjectId,
          subject,
          toldStatus: input.toldStatus,
          toldPercentComplete: input.toldPercentComplete ?? undefined,
          toldToId: input.toldToId,
          toldTo: contact ? { id: contact.contactId, projectId: contact.projectId, forgotten: contact.forgotten } : null,
          message: input.message,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
