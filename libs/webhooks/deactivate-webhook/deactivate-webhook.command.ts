import { PortalCommand } from '@cf/ledger';
import type { WebhookInput } from '../graphql/webhook.input.js';

export class DeactivateWebhookCommand extends PortalCommand<WebhookInput> {}
