import { PortalCommand } from '@cf/ledger';
import type { LogContactSessionInput } from './log-contact-session.input.js';

export class LogContactSessionCommand extends PortalCommand<LogContactSessionInput> {}
