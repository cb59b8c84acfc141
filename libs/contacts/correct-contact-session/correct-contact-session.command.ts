import { PortalCommand } from '@cf/ledger';
import type { CorrectContactSessionInput } from './correct-contact-session.input.js';

export class CorrectContactSessionCommand extends PortalCommand<CorrectContactSessionInput> {}
