import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord, FactsOnRecord } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { ProjectAccess } from '@cf/projects';
import { contactsDecider } from '../domain/contacts.decide.js';
import { RegisterContactCommand } from './register-contact.command.js';

/**
 * A contact's personal fields, sealed with the contact's own key before the event is stored.
 * Organisation and department stay clear: dashboards count departments reached.
 */
export const CONTACT_PERSONAL_FIELDS = ['name', 'email'] as const;

/**
 * Managers and developers meet customers, so either may register the people they meet; only a
 * manager registers someone who can approve scope (it silences the authority flags).
 */
@CommandHandler(RegisterContactCommand)
export class RegisterContactHandler implements ICommandHandler<RegisterContactCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: RegisterContactCommand): Promise<CommandResult> {
    const roles = ['MANAGER', 'DEVELOPER'] as const;
    // Before a key is made, so none is made for a stranger: on the project stream, as the decisive check below (held there).
    await this.access.require(caller, input.projectId, roles, 'register contacts', new FactsOnRecord(this.eventSourcing));
    const contactId = newId();
    const stream = streamName('contact', contactId);
    // The key is on disk before the event that needs it is appended.
    const sealEvents = await this.personalData.sealerFor(contactId, CONTACT_PERSONAL_FIELDS);
    let result: CommandResult | undefined;
    try {
      result = await executeOnRecord(
        this.eventSourcing,
        contactsDecider,
        stream,
        async (onRecord) => ({
          type: 'RegisterContact' as const,
          contactId,
          projectId: input.projectId,
          name: input.name,
          email: input.email,
          organisation: input.organisation,
          department: input.department,
          role: input.role,
          canApproveScope: input.canApproveScope,
          actorRole: (await this.access.require(caller, input.projectId, roles, 'register contacts', onRecord)).role,
          actor: caller.actor,
        }),
        { caller, keyed: input, sealedFields: CONTACT_PERSONAL_FIELDS },
        { sealEvents },
      );
      return result;
    } finally {
      // Refused, or replayed by an idempotency key (another stream): the fresh key seals nothing.
      if (result?.stream !== stream && (await this.eventSourcing.store.lastIndexOf(stream)) === -1) {
        await this.personalData.discard(contactId);
      }
    }
  }
}
