import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, newId, streamName } from '@cf/core';
import { sessionOnRecord } from '@cf/contacts';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, executeOnRecord, projectOfStream } from '@cf/ledger';
import { type ProjectAccessGrant, ProjectAccess } from '@cf/projects';
import type { RequirementFact } from '../domain/requests.commands.js';
import { requestsDecider } from '../domain/requests.decide.js';
import type { RaiseRequestInput } from './raise-request.input.js';
import { RaiseRequestCommand } from './raise-request.command.js';
import { requesterOnRecord } from '../on-record/requester-on-record.js';

/** Developers raise requests on any channel; a customer only writes in, in their own name. */
@CommandHandler(RaiseRequestCommand)
export class RaiseRequestHandler implements ICommandHandler<RaiseRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: RaiseRequestCommand): Promise<CommandResult> {
    const requirementIds = input.requirementIds ?? [];
    const requestId = newId();
    return executeOnRecord(
      this.eventSourcing,
      requestsDecider,
      streamName('request', requestId),
      async (onRecord) => {
        const grant = await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER', 'CUSTOMER'], 'raise requests', onRecord);
        if (grant.role === 'CUSTOMER') this.requireOwnWrittenRequest(grant, input);
        // Who asked, whether they could approve scope and the session they asked in, from their streams (held unmoved till the append).
        // The facts are independent reads: on PostgreSQL they go out together.
        const [requestedBy, relayedBy, session, requirements] = await Promise.all([
          requesterOnRecord(onRecord, input.requestedById),
          input.relayedById ? requesterOnRecord(onRecord, input.relayedById) : undefined,
          input.sessionId ? sessionOnRecord(onRecord, input.sessionId) : undefined,
          this.findRequirements(requirementIds),
        ]);
        return {
          type: 'RaiseRequest' as const,
          requestId,
          projectId: input.projectId,
          title: input.title,
          description: input.description,
          kind: input.kind,
          channel: input.channel,
          requestedById: input.requestedById,
          requestedBy,
          relayedById: input.relayedById ?? undefined,
          relayedBy,
          sessionId: input.sessionId ?? undefined,
          session,
          requirementIds,
          requirements,
          statedPriority: input.statedPriority,
          actor: caller.actor,
        };
      },
      { caller, keyed: input },
    );
  }

  /** A customer writes in themselves: never for someone else, never through a relay, never naming requirements they cannot see. */
  private requireOwnWrittenRequest({ member }: ProjectAccessGrant, input: RaiseRequestInput): void {
    if (input.channel !== 'WRITTEN') throw DomainError.forbidden('A CUSTOMER may only raise WRITTEN requests', 'customerWritesIn');
    if (!member.contact_id || input.requestedById !== member.contact_id) {
      throw DomainError.forbidden('A CUSTOMER may only raise requests in their own name', 'customerAsksAsThemselves');
    }
    if (input.relayedById) throw DomainError.forbidden('A CUSTOMER may not name who relayed a request', 'customerWritesIn');
    // Requirements are not shown to customers; linking ids would only tell them which exist.
    if (input.requirementIds?.length)
      throw DomainError.forbidden('A CUSTOMER does not see requirements, so may not link a request to them', 'customerLinksNoRequirements');
  }

  /** Requirements are another context's entities; only their id and project matter here, read from the log. */
  private findRequirements(ids: readonly string[]): Promise<(RequirementFact | null)[]> {
    return Promise.all(
      ids.map(async (id) => {
        const projectId = await projectOfStream(this.eventSourcing.store, `requirement-${id}`);
        return projectId === null ? null : { id, projectId };
      }),
    );
  }
}
