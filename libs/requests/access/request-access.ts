import { Injectable } from '@nestjs/common';
import { type Caller, EventSourcing, type FactsOnRecord } from '@cf/ledger';
import { type ProjectAccessGrant, ProjectAccess, type ProjectRole } from '@cf/projects';
import { namedRequest } from '../read-model/named-request.js';
import type { RequestRow } from '../read-model/requests.read-model.js';

export interface RequestAccessGrant extends ProjectAccessGrant {
  request: RequestRow;
}

/**
 * Access to one existing request: an unknown id is NOT_FOUND, then the project's roles decide;
 * a CUSTOMER reaches only the requests they asked for themselves (any other is unknown to them).
 */
@Injectable()
export class RequestAccess {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly projects: ProjectAccess,
  ) {}

  /** A command passes the FactsOnRecord it is decided on: the caller's role is then the project stream's (ProjectAccess). */
  async require(
    caller: Caller,
    requestId: string,
    roles: readonly ProjectRole[],
    action: string,
    onRecord?: FactsOnRecord,
  ): Promise<RequestAccessGrant> {
    const { row: request, named } = await namedRequest(this.eventSourcing.readModels, requestId);
    return { ...(await this.projects.requireNamed(caller, named, roles, action, onRecord)), request };
  }
}
