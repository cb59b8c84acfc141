import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { ProjectAccess, projectsReadModel } from '@cf/projects';
import { sessionDecider, type SessionContactFacts, type SessionDeveloperFacts } from '../domain/session.decide.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';
import { LogContactSessionCommand } from './log-contact-session.command.js';

/** Managers and developers log the time they spent with the customer. */
@CommandHandler(LogContactSessionCommand)
export class LogContactSessionHandler implements ICommandHandler<LogContactSessionCommand, CommandResult> {
  constructor(private readonly ledger: Ledger, private readonly access: ProjectAccess) {}

  async execute({ input, caller }: LogContactSessionCommand): Promise<CommandResult> {
    await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER'], 'log contact sessions');
    const sessionId = newId();
    const at = this.ledger.now();
    return this.ledger.execute(sessionDecider, streamName('session', sessionId), {
      type: 'LogContactSession',
      sessionId,
      projectId: input.projectId,
      date: input.date,
      days: input.days,
      kind: input.kind,
      developerIds: input.developerIds,
      developers: await this.developers(input.projectId, input.developerIds),
      contactIds: input.contactIds,
      contacts: await this.contacts(input.contactIds),
      notes: input.notes,
      at: at.toISOString(),
      actor: caller.actor,
    }, { caller, at });
  }

  /** The decider judges membership and role; it needs one fact (or null) per id, in order. */
  private developers(projectId: string, userIds: readonly string[]): Promise<SessionDeveloperFacts[]> {
    const read = projectsReadModel(this.ledger.readModels);
    return Promise.all(userIds.map(async (userId) => {
      const member = await read.member(projectId, userId);
      return member ? { userId: member.user_id, name: member.name, role: member.role } : null;
    }));
  }

  private contacts(contactIds: readonly string[]): Promise<SessionContactFacts[]> {
    const read = contactsReadModel(this.ledger.readModels);
    return Promise.all(contactIds.map(async (id) => {
      const contact = await read.contact(id);
      return contact ? { id: contact.id, projectId: contact.project_id, name: contact.name, forgotten: contact.forgotten === 1 } : null;
    }));
  }
}
