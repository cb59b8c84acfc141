import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { RequestAccess } from './access/request-access.js';
import { ConfirmRequestHandler } from './confirm-request/confirm-request.handler.js';
import { ConfirmRequestResolver } from './confirm-request/confirm-request.resolver.js';
import { GetRequestHandler } from './get-request/get-request.handler.js';
import { GetRequestResolver } from './get-request/get-request.resolver.js';
import { ListRequestsHandler } from './list-requests/list-requests.handler.js';
import { ListRequestsResolver } from './list-requests/list-requests.resolver.js';
import { RaiseRequestHandler } from './raise-request/raise-request.handler.js';
import { RaiseRequestResolver } from './raise-request/raise-request.resolver.js';
import { ResolveRequestHandler } from './resolve-request/resolve-request.handler.js';
import { ResolveRequestResolver } from './resolve-request/resolve-request.resolver.js';
import { RespondToRequestHandler } from './respond-to-request/respond-to-request.handler.js';
import { RespondToRequestResolver } from './respond-to-request/respond-to-request.resolver.js';
import { ReviseRequestHandler } from './revise-request/revise-request.handler.js';
import { ReviseRequestResolver } from './revise-request/revise-request.resolver.js';
import { WithdrawRequestHandler } from './withdraw-request/withdraw-request.handler.js';
import { WithdrawRequestResolver } from './withdraw-request/withdraw-request.resolver.js';

@Module({
  imports: [ProjectsModule],
  providers: [
    RequestAccess,
    RaiseRequestHandler,
    RaiseRequestResolver,
    ConfirmRequestHandler,
    ConfirmRequestResolver,
    RespondToRequestHandler,
    RespondToRequestResolver,
    ReviseRequestHandler,
    ReviseRequestResolver,
    WithdrawRequestHandler,
    WithdrawRequestResolver,
    ResolveRequestHandler,
    ResolveRequestResolver,
    GetRequestHandler,
    GetRequestResolver,
    ListRequestsHandler,
    ListRequestsResolver,
  ],
  exports: [RequestAccess],
})
export class RequestsModule {}
