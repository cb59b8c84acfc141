import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import { contactsReadModel } from '@cf/contacts';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { RequestAccess } from '../access/request-access.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { ReviseRequestCommand } from './revise-request.command.js';

/** The team rewords a request, saying why (and optionally in which session it was agreed). */
@CommandHandler(ReviseRequestCommand)
export class ReviseRequestHandler implements ICommandHandler<ReviseRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: RequestAccess,
  ) {}

  async execute({ input, caller }: ReviseRequestCommand): Promise<CommandResult> {
    await this.access.require(caller, input.requestId, ['MANAGER', 'DEVELOPER'], 'revise requests');
    const session = input.sessionId ? await contactsReadModel(this.eventSourcing.readModels).session(input.sessionId) : undefined;
    return this.eventSourcing.execute(
      requestsDecider,
      streamName('request', input.requestId),
      {
        type: 'ReviseRequest',
        requestId: input.requestId,
        title: input.title ?? undefined,
        description: input.description ?? undefined,
        reason: input.reason,
        sessionId: input.sessionId ?? undefined,
        session: input.sessionId
          ? session
            ? { id: session.id, projectId: session.project_id, voided: session.voided === 1 }
            : null
          : undefined,
        actor: caller.actor,
      },
      { caller, expectedRevision: input.expectedRevision },
    );
  }
}
