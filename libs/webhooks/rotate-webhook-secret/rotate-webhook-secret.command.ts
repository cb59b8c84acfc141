import { PortalCommand } from '@cf/ledger';
import type { WebhookInput } from '../graphql/webhook.input.js';

export class RotateWebhookSecretCommand extends PortalCommand<WebhookInput> {}
