import { PortalCommand } from '@cf/ledger';
import type { RedeliverWebhookDeliveryInput } from './redeliver-webhook-delivery.input.js';

export class RedeliverWebhookDeliveryCommand extends PortalCommand<RedeliverWebhookDeliveryInput> {}
