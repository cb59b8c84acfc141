import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, newId, streamName } from '@cf/core';
import { type ContactRow, contactsReadModel } from '@cf/contacts';
import type { CommandResult } from '@cf/event-store';
import { EventSourcing, projectOfStream } from '@cf/ledger';
import { type ProjectAccessGrant, ProjectAccess } from '@cf/projects';
import type { RelayFact, RequesterFact, RequestContactRole, RequirementFact } from '../domain/requests.commands.js';
import { requestsDecider } from '../domain/requests.decide.js';
import { attendedSession } from '@cf/contacts';
import type { RaiseRequestInput } from './raise-request.input.js';
import { RaiseRequestCommand } from './raise-request.command.js';

/** Developers raise requests on any channel; a customer only writes in, in their own name. */
@CommandHandler(RaiseRequestCommand)
export class RaiseRequestHandler implements ICommandHandler<RaiseRequestCommand, CommandResult> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  async execute({ input, caller }: RaiseRequestCommand): Promise<CommandResult> {
    const grant = await this.access.require(caller, input.projectId, ['MANAGER', 'DEVELOPER', 'CUSTOMER'], 'raise requests');
    if (grant.role === 'CUSTOMER') this.requireOwnWrittenRequest(grant, input);
    const contacts = contactsReadModel(this.eventSourcing.readModels);
    const requirementIds = input.requirementIds ?? [];
    // The facts are independent reads: on PostgreSQL they go out together.
    const [requestedBy, relayedBy, session, requirements] = await Promise.all([
      contacts.contact(input.requestedById).then(toRequester),
      input.relayedById ? contacts.contact(input.relayedById).then(toRequester) : undefined,
      input.sessionId ? attendedSession(this.eventSourcing.readModels, input.sessionId) : undefined,
      this.findRequirements(requirementIds),
    ]);
    const requestId = newId();
    return this.eventSourcing.execute(
      requestsDecider,
      streamName('request', requestId),
      {
        type: 'RaiseRequest',
        requestId,
        projectId: input.projectId,
        title: input.title,
        description: input.description,
        kind: input.kind,
        channel: input.channel,
        requestedById: input.requestedById,
        requestedBy,
        relayedById: input.relayedById ?? undefined,
        relayedBy: relayedBy as RelayFact | null | undefined,
        sessionId: input.sessionId ?? undefined,
        session,
        requirementIds,
        requirements,
        statedPriority: input.statedPriority,
        actor: caller.actor,
      },
      { caller, idempotencyKey: input.idempotencyKey },
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

const toRequester = (row: ContactRow | undefined): RequesterFact | null =>
  row
    ? {
        id: row.id,
        projectId: row.project_id,
        canApproveScope: row.can_approve_scope === 1,
        role: row.role as RequestContactRole,
        forgotten: row.forgotten === 1,
      }
    : null;
