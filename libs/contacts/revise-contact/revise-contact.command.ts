import { PortalCommand } from '@cf/ledger';
import type { ReviseContactInput } from './revise-contact.input.js';

export class ReviseContactCommand extends PortalCommand<ReviseContactInput> {}
