import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, type FactsOnRecord, executeOnRecord } from '@cf/ledger';
import { type EventSealer, PersonalData } from '@cf/personal-data';
import { ProjectAccess } from '../access/project-access.js';
import { projectsDecider } from '../domain/projects.decide.js';
import { memberOf } from '../domain/projects.state.js';
import { contactAsNamed } from '../on-record/contact-as-named.js';
import { AddMemberCommand } from './add-member.command.js';

const MEMBER_PERSONAL_FIELDS = ['name'] as const;

/**
 * Only a MANAGER adds members. A CUSTOMER member is linked to the contact they are, and their
 * name is that person's personal data: sealed with the contact's key, so forgetting the contact
 * forgets it too (a team member's name is not: they are not the customer).
 */
@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: AddMemberCommand): Promise<CommandResult> {
    // Set by each try as it reads the contact: the append seals with what that try found.
    let seal: EventSealer | undefined;
    return executeOnRecord(
      this.eventSourcing,
      projectsDecider,
      streamName('project', input.projectId),
      async (onRecord) => {
        await this.access.require(caller, input.projectId, ['MANAGER'], 'add members', onRecord);
        const memberContactForgottenOn = await this.memberContactForgottenOn(onRecord, input.projectId, input.userId);
        // The contact from its stream, held unmoved till the append: a member never lands after their contact was forgotten.
        const contact = input.contactId ? await this.findContact(onRecord, input.contactId) : undefined;
        // A forgotten contact's key is gone and must stay gone (a new one would not open their old
        // values): the decider refuses them, so nothing is sealed for them. A contact whose key is not
        // in this store (a log imported without its keys) reads [forgotten]: so it is refused too.
        const keyless = contact && !contact.forgotten && (await this.personalData.keys.find([contact.id])).size === 0;
        const named = contact && keyless ? { ...contact, forgotten: true } : contact;
        // The key kept, never a new one: a forget landing since the check above leaves none to seal with.
        seal = named && !named.forgotten ? await this.personalData.sealerForKept(named.id, MEMBER_PERSONAL_FIELDS) : undefined;
        return {
          type: 'AddMember' as const,
          projectId: input.projectId,
          userId: input.userId,
          name: input.name,
          role: input.role,
          contactId: input.contactId,
          contact: named,
          since: input.since,
          memberContactForgottenOn,
          actor: caller.actor,
        };
      },
      { caller, keyed: input, sealedFields: MEMBER_PERSONAL_FIELDS },
      input.contactId ? { sealEvents: (events) => (seal ? seal(events) : events) } : {},
    );
  }

  /** The day the contact the user speaks for as a CUSTOMER member was forgotten, if it was: their login ended then. */
  private async memberContactForgottenOn(onRecord: FactsOnRecord, projectId: string, userId: string): Promise<string | null> {
    const { state } = await onRecord.fold(projectsDecider, streamName('project', projectId));
    const contactId = memberOf(state, userId)?.contactId;
    return contactId ? (await onRecord.fold(contactAsNamed, streamName('contact', contactId))).state.forgottenOn : null;
  }

  /**
   * Contacts are another context's entities; only their id, project and whether they were
   * forgotten (nothing new may name them) matter here, read from the log.
   */
  private async findContact(onRecord: FactsOnRecord, id: string): Promise<{ id: string; projectId: string; forgotten: boolean } | null> {
    const { state } = await onRecord.fold(contactAsNamed, streamName('contact', id));
    return state.projectId === null ? null : { id, projectId: state.projectId, forgotten: state.forgotten };
  }
}
