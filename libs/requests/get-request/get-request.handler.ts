import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ANY_ROLE } from '@cf/projects';
import { RequestAccess } from '../access/request-access.js';
import { toRequest } from '../graphql/request.mapping.js';
import type { Request } from '../graphql/request.types.js';
import { GetRequestQuery } from './get-request.query.js';

/** Internal roles read every request of their project; a customer only the ones they made. */
@QueryHandler(GetRequestQuery)
export class GetRequestHandler implements IQueryHandler<GetRequestQuery, Request> {
  constructor(private readonly access: RequestAccess) {}

  async execute({ id, caller }: GetRequestQuery): Promise<Request> {
    const { request } = await this.access.require(caller, id, ANY_ROLE, 'read a request');
    return toRequest(request);
  }
}
