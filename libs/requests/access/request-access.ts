import { Injectable } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { type Caller, EventSourcing } from '@cf/ledger';
import { type ProjectAccessGrant, ProjectAccess, type ProjectRole } from '@cf/projects';
import { requestErrors } from '../domain/requests.errors.js';
import { type RequestRow, requestsReadModel } from '../read-model/requests.read-model.js';

export interface RequestAccessGrant extends ProjectAccessGrant {
  request: RequestRow;
}

/**
 * Access to one existing request: an unknown id is NOT_FOUND, then the project's roles decide;
 * a CUSTOMER reaches only the requests they asked for themselves.
 */
@Injectable()
export class RequestAccess {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly projects: ProjectAccess,
  ) {}

  async require(caller: Caller, requestId: string, roles: readonly ProjectRole[], action: string): Promise<RequestAccessGrant> {
    const request = await requestsReadModel(this.eventSourcing.readModels).request(requestId);
    if (!request) throw requestErrors.notFound(requestId);
    const grant = await this.projects.require(caller, request.project_id, roles, action);
    if (grant.role === 'CUSTOMER' && (!grant.member.contact_id || grant.member.contact_id !== request.requested_by_id)) {
      throw DomainError.forbidden(`A CUSTOMER may ${action} only for requests they made themselves`, 'customerOwnRequests');
    }
    return { ...grant, request };
  }
}
