import { PortalCommand } from '@cf/ledger';
import type { RegisterWebhookInput } from './register-webhook.input.js';

export class RegisterWebhookCommand extends PortalCommand<RegisterWebhookInput> {}
