import { PortalCommand } from '@cf/ledger';
import type { ResolveRequestInput } from './resolve-request.input.js';

export class ResolveRequestCommand extends PortalCommand<ResolveRequestInput> {}
