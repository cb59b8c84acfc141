import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { sessionDecider } from '../domain/session.decide.js';
import { developersJudgedAgain } from '../domain/session.correct.js';
import { namedSession } from '../read-model/named-contact.js';
import { sessionContactFacts, sessionDeveloperFacts } from '../session-facts/session-facts.js';
import { CorrectContactSessionCommand } from './correct-contact-session.command.js';

/** Whoever may log a session may correct or void one; the reason stays with the correction. */
@CommandHandler(CorrectContactSessionCommand)
export class CorrectContactSessionHandler implements ICommandHandler<CorrectContactSessionCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: CorrectContactSessionCommand): Promise<CommandResult> {
    const db = this.eventSourcing.readModels;
    const { row: session, named } = await namedSession(db, input.sessionId);
    return executeOnRecord(
      this.eventSourcing,
      sessionDecider,
      streamName('session', input.sessionId),
      async (onRecord) => {
        await this.access.requireNamed(caller, named, ['MANAGER', 'DEVELOPER'], 'correct contact sessions', onRecord);
        // Moved, lengthened or counted again, the developers it keeps are judged on its days too: as the log holds them, in its order.
        const { state } = await onRecord.fold(sessionDecider, streamName('session', input.sessionId));
        const span = { date: input.date ?? state.date, days: input.days ?? state.days };
        const judged =
          input.developerIds ?? (developersJudgedAgain(input, state) ? state.developers.map((developer) => developer.userId) : undefined);
        return {
          type: 'CorrectContactSession' as const,
          sessionId: input.sessionId,
          reason: input.reason,
          date: input.date,
          days: input.days,
          kind: input.kind,
          developerIds: input.developerIds,
          developers: judged ? await sessionDeveloperFacts(onRecord, session.project_id, judged, span) : undefined,
          contactIds: input.contactIds,
          contacts: input.contactIds ? await sessionContactFacts(onRecord, input.contactIds) : undefined,
          voided: input.voided,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }
}
