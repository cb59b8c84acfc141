import { PortalCommand } from '@cf/ledger';
import type { RegisterContactInput } from './register-contact.input.js';

export class RegisterContactCommand extends PortalCommand<RegisterContactInput> {}
