import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import type { CommandResult } from '@cf/event-store';
import { Ledger } from '@cf/ledger';
import { WebhookAccess } from '../access/webhook-access.js';
import { TargetHosts } from '../access/target-addresses.js';
import { newWebhookSecret } from '../access/webhook-secret.js';
import { DELIVERY_SETTINGS } from '../delivery/webhook-dispatcher.js';
import type { DeliverySettings } from '../delivery/delivery-settings.js';
import { webhooksDecider } from '../domain/webhooks.decide.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';

/** A project's MANAGER registers a webhook; its secret is made here and shown once, in the answer. */
@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, CommandResult> {
  constructor(
    private readonly ledger: Ledger,
    private readonly access: WebhookAccess,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly hosts: TargetHosts,
  ) {}

  async execute({ input, caller }: RegisterWebhookCommand): Promise<CommandResult> {
    await this.access.requireProject(caller, input.projectId, 'register webhooks');
    const webhookId = newId();
    const at = this.ledger.now();
    return this.ledger.execute(webhooksDecider, streamName('webhook', webhookId), {
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
  }
}
