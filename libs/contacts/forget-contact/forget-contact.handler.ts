import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord, FactsOnRecord } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { ProjectAccess } from '@cf/projects';
import { contactsDecider } from '../domain/contacts.decide.js';
import { namedContact } from '../read-model/named-contact.js';
import { ForgetContactCommand } from './forget-contact.command.js';
import { wasForgotten } from './forgotten-keys.reconciler.js';

/**
 * Forgetting a person cannot be undone, so only a MANAGER of the contact's project may.
 *
 * Order: mark the key, append ContactForgotten, then destroy the key. The event is the decision:
 * destroying the key first would shred data on a forget that is then refused (a conflict, a
 * crash before append), leaving history that reads [forgotten] with no event saying why. A crash
 * after the append leaves the marked key behind; ForgottenKeysReconciler destroys it at start.
 * Plaintext never reaches the disk either way: events and read models hold sealed tokens only.
 */
@CommandHandler(ForgetContactCommand)
export class ForgetContactHandler implements ICommandHandler<ForgetContactCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: ForgetContactCommand): Promise<CommandResult> {
    const { named } = await namedContact(this.eventSourcing.readModels, input.contactId);
    // Before a key is touched, so no stranger starts forgetting one: on the project stream, as the decisive check below (held there).
    await this.access.requireNamed(caller, named, ['MANAGER'], 'forget contacts', new FactsOnRecord(this.eventSourcing));
    const stream = streamName('contact', input.contactId);
    // A key already bound appends nothing (the first result, or other input refused): no forgetting
    // begins, so none is abandoned either, which could unmark another forget of this contact in flight.
    const bound = input.idempotencyKey && (await this.eventSourcing.store.findIdempotentResult(caller.actor.userId, input.idempotencyKey));
    if (!bound) await this.personalData.beginForgetting(input.contactId);
    try {
      const result = await executeOnRecord(
        this.eventSourcing,
        contactsDecider,
        stream,
        async (onRecord) => {
          await this.access.requireNamed(caller, named, ['MANAGER'], 'forget contacts', onRecord);
          return { type: 'ForgetContact' as const, contactId: input.contactId, reason: input.reason, actor: caller.actor };
        },
        { caller, keyed: input },
      );
      await this.personalData.completeForgetting(input.contactId);
      return result;
    } catch (error) {
      if (bound) throw error;
      // Refused (or already forgotten earlier, with a key a crash left behind): settle the key.
      if (await wasForgotten(this.eventSourcing.store, input.contactId)) await this.personalData.completeForgetting(input.contactId);
      else await this.personalData.abandonForgetting(input.contactId);
      throw error;
    }
  }
}
