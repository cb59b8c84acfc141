import { PortalCommand } from '@cf/ledger';
import type { AcknowledgeStatusInput } from './acknowledge-status.input.js';

export class AcknowledgeStatusCommand extends PortalCommand<AcknowledgeStatusInput> {}
