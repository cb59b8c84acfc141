import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord } from '@cf/ledger';
import { type EventSealer, PersonalData } from '@cf/personal-data';
import { RequestAccess } from '../access/request-access.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { sessionOnRecord } from '@cf/contacts';
import { ConfirmRequestCommand } from './confirm-request.command.js';
import { requesterOnRecord } from '../on-record/requester-on-record.js';

/**
 * First-hand confirmation: the team records one given in a contact session; a CUSTOMER member
 * confirms the requests made in their own name (RequestAccess keeps them to those).
 */
@CommandHandler(ConfirmRequestCommand)
export class ConfirmRequestHandler implements ICommandHandler<ConfirmRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: RequestAccess,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: ConfirmRequestCommand): Promise<CommandResult> {
    // Set by each try as it reads who confirms: the append seals with what that try found.
    let seal: EventSealer | undefined;
    return executeOnRecord(
      this.eventSourcing,
      requestsDecider,
      streamName('request', input.requestId),
      // The session it was confirmed in and its requester from their streams, held unmoved till the append (voided or corrected elsewhere: taken again).
      async (onRecord) => {
        const roles = ['MANAGER', 'DEVELOPER', 'CUSTOMER'] as const;
        const { role, member, request } = await this.access.require(caller, input.requestId, roles, 'confirm requests', onRecord);
        seal = await this.personalData.sealerForCustomerName({ role, contactId: member.contact_id }, 'confirmedBy.name');
        return {
          type: 'ConfirmRequest' as const,
          requestId: input.requestId,
          sessionId: input.sessionId,
          session: input.sessionId ? await sessionOnRecord(onRecord, input.sessionId) : undefined,
          // Who asked never changes after the raise, so the read model's row names them; their stream says whether they were forgotten.
          requester: await requesterOnRecord(onRecord, request.requested_by_id),
          confirmedPriority: input.confirmedPriority,
          note: input.note,
          confirmer: { role, contactId: member.contact_id },
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
      { sealEvents: (events) => (seal ? seal(events) : events) },
    );
  }
}
