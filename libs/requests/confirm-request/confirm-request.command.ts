import { PortalCommand } from '@cf/ledger';
import type { ConfirmRequestInput } from './confirm-request.input.js';

export class ConfirmRequestCommand extends PortalCommand<ConfirmRequestInput> {}
