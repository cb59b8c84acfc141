import { PortalCommand } from '@cf/ledger';
import type { ReviseRequestInput } from './revise-request.input.js';

export class ReviseRequestCommand extends PortalCommand<ReviseRequestInput> {}
