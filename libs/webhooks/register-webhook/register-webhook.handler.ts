import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import { Ledger } from '@cf/ledger';
import { WebhookAccess } from '../access/webhook-access.js';
import { TargetHosts } from '../access/target-addresses.js';
import { newWebhookSecret } from '../access/webhook-secret.js';
import { DELIVERY_SETTINGS } from '../delivery/webhook-dispatcher.js';
import type { DeliverySettings } from '../delivery/delivery-settings.js';
import { webhooksDecider } from '../domain/webhooks.decide.js';
import type { WebhookRegistered } from '../domain/webhooks.events.js';
import { type WebhookSecretAnswer, registeredWebhook } from '../graphql/webhook.mapping.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';

/** A project's MANAGER registers a webhook; its secret is made here and shown once, in the answer. */
@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, WebhookSecretAnswer> {
  constructor(
    private readonly ledger: Ledger,
    private readonly access: WebhookAccess,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly hosts: TargetHosts,
  ) {}

  async execute({ input, caller }: RegisterWebhookCommand): Promise<WebhookSecretAnswer> {
    await this.access.requireProject(caller, input.projectId, 'register webhooks');
    const webhookId = newId();
    const at = this.ledger.now();
    const result = await this.ledger.execute(webhooksDecider, streamName('webhook', webhookId), {
      type: 'RegisterWebhook',
      webhookId,
      projectId: input.projectId,
      url: input.url,
      resolvedAddresses: this.settings.allowPrivate ? [] : await this.hosts.addressesOf(input.url),
      allowPrivate: this.settings.allowPrivate,
      events: input.events,
      description: input.description,
      secret: newWebhookSecret(),
      at: at.toISOString(),
      actor: caller.actor,
    }, { caller, at });
    // The webhook as decided, from the log: the read models may not have applied it yet.
    const registered = await this.ledger.eventAt(result.position) as unknown as WebhookRegistered;
    return { ...result, webhook: registeredWebhook(registered) };
  }
}
