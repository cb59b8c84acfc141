import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { sessionDecider } from '../domain/session.decide.js';
import { sessionContactFacts, sessionDeveloperFacts } from '../session-facts/session-facts.js';
import { LogContactSessionCommand } from './log-contact-session.command.js';

/** Managers and developers log the time they spent with the customer. */
@CommandHandler(LogContactSessionCommand)
export class LogContactSessionHandler implements ICommandHandler<LogContactSessionCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: LogContactSessionCommand): Promise<CommandResult> {
    const sessionId = newId();
    return executeOnRecord(
      this.eventSourcing,
      sessionDecider,
      streamName('session', sessionId),
      async (onRecord) => {
        await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'log contact sessions', onRecord);
        const [developers, contacts] = await Promise.all([
          sessionDeveloperFacts(onRecord, input.projectId, input.developerIds, input),
          sessionContactFacts(onRecord, input.contactIds),
        ]);
        return {
          type: 'LogContactSession' as const,
          sessionId,
          projectId: input.projectId,
          date: input.date,
          days: input.days,
          kind: input.kind,
          developerIds: input.developerIds,
          developers,
          contactIds: input.contactIds,
          contacts,
          notes: input.notes,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
