import { PortalCommand } from '@cf/ledger';
import type { RespondToRequestInput } from './respond-to-request.input.js';

export class RespondToRequestCommand extends PortalCommand<RespondToRequestInput> {}
