import { PortalCommand } from '@cf/ledger';
import type { RaiseRequestInput } from './raise-request.input.js';

export class RaiseRequestCommand extends PortalCommand<RaiseRequestInput> {}
