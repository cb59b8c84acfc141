import { PortalCommand } from '@cf/ledger';
import type { AssessStatusInput } from './assess-status.input.js';

export class AssessStatusCommand extends PortalCommand<AssessStatusInput> {}
