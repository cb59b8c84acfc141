import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { reportingDecider } from '../domain/reporting.decide.js';
import { findStatusSubject } from '../status-subject/find-status-subject.js';
import { AssessStatusCommand } from './assess-status.command.js';

/** Managers and developers assess the real state of what goes on (an end is its own); the projection then judges the perception gap. */
@CommandHandler(AssessStatusCommand)
export class AssessStatusHandler implements ICommandHandler<AssessStatusCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: AssessStatusCommand): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      reportingDecider,
      streamName('status', input.subjectId),
      async (onRecord) => {
        await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'assess status', onRecord);
        return {
          type: 'AssessStatus' as const,
          projectId: input.projectId,
          subjectId: input.subjectId,
          subject: await findStatusSubject(this.eventSourcing.readModels, input.subjectId, onRecord),
          actualStatus: input.actualStatus,
          actualPercentComplete: input.actualPercentComplete ?? undefined,
          note: input.note,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
