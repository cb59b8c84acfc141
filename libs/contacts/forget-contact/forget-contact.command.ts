import { PortalCommand } from '@cf/ledger';
import type { ForgetContactInput } from './forget-contact.input.js';

export class ForgetContactCommand extends PortalCommand<ForgetContactInput> {}
