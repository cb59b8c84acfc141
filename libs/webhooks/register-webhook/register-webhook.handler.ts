import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId, streamName } from '@cf/core';
import { type CommandResult, keyUsedWithOtherInput } from '@cf/event-store';
import { EventSourcing, executeOnRecord, FactsOnRecord } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { WebhookAccess } from '../access/webhook-access.js';
import { TargetHosts } from '../access/target-addresses.js';
import { SEALED_WEBHOOK_FIELDS, isOpened, newWebhookSecret, openedReplayedSecret } from '../access/webhook-secret.js';
import { DELIVERY_SETTINGS } from '../delivery/webhook-dispatcher.js';
import type { DeliverySettings } from '../delivery/delivery-settings.js';
import { webhooksDecider } from '../domain/webhooks.decide.js';
import type { WebhookRegistered } from '../domain/webhooks.events.js';
import { type WebhookSecretAnswer, registeredWebhook } from '../graphql/webhook.mapping.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';

/** A project's MANAGER registers a webhook; its secret is made here, logged sealed, and shown once, in the answer. */
@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, WebhookSecretAnswer> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: WebhookAccess,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly hosts: TargetHosts,
    private readonly personalData: PersonalData,
  ) {}

  async execute({ input, caller }: RegisterWebhookCommand): Promise<WebhookSecretAnswer> {
    // Before a key is made, so none is made for a stranger: on the project stream, as the decisive check below (held there).
    await this.access.requireProject(caller, input.projectId, 'register webhooks', new FactsOnRecord(this.eventSourcing));
    const webhookId = newId();
    const stream = streamName('webhook', webhookId);
    const secret = newWebhookSecret();
    const resolvedAddresses = this.settings.allowPrivate ? [] : await this.hosts.addressesOf(input.url);
    // The key is stored before the event sealed with it is appended.
    const sealEvents = await this.personalData.sealerFor(webhookId, SEALED_WEBHOOK_FIELDS);
    let result: CommandResult | undefined;
    // A retry by its idempotency key answers the first registration with its secret, which its sender never saw if the answer was lost.
    let first: { registered: WebhookRegistered; secret: string } | undefined;
    try {
      result = await executeOnRecord(
        this.eventSourcing,
        webhooksDecider,
        stream,
        async (onRecord) => {
          await this.access.requireProject(caller, input.projectId, 'register webhooks', onRecord);
          return {
            type: 'RegisterWebhook' as const,
            webhookId,
            projectId: input.projectId,
            url: input.url,
            resolvedAddresses,
            allowPrivate: this.settings.allowPrivate,
            events: input.events,
            description: input.description,
            secret,
            actor: caller.actor,
          };
        },
        // The URL is sealed (its path or query may carry a token): a hash of it would let its guesses be tested.
        { caller, keyed: input, sealedFields: SEALED_WEBHOOK_FIELDS },
        {
          sealEvents,
          sameAsReplayed: async (earlier) => {
            const registered = await this.registeredAt(earlier.position);
            first = { registered, secret: await this.replayedSecret(registered, input.url) };
          },
        },
      );
    } finally {
      if (result?.stream !== stream && (await this.eventSourcing.store.lastIndexOf(stream)) === -1)
        await this.personalData.discard(webhookId);
    }
    if (result.replayed) {
      // handleCommand answers a key found only after sameAsReplayed compared it with the first registration.
      if (!first) throw new Error('a registration replayed by its key was not compared with the first');
      return { ...result, webhook: { ...registeredWebhook(first.registered), secret: first.secret } };
    }
    // The webhook as decided, from the log (the read models may not have applied it yet), with the secret as made.
    return { ...result, webhook: { ...registeredWebhook(await this.registeredAt(result.position)), secret } };
  }

  private async registeredAt(position: bigint): Promise<WebhookRegistered> {
    return (await this.eventSourcing.eventAt(position)) as unknown as WebhookRegistered;
  }

  /**
   * A retry by its key answers the first registration, with its secret. The URL is sealed, so the
   * key's fingerprint leaves it out (inputFingerprint): it is compared here, opened, so a key sent
   * again with another URL is refused as with any other input, not taken for the first one.
   */
  private async replayedSecret(registered: WebhookRegistered, url: string): Promise<string> {
    const first = await this.personalData.unseal({ url: registered.data.url, secret: registered.data.secret });
    if (isOpened(first.url) && first.url !== url && first.url !== asPosted(url)) throw keyUsedWithOtherInput();
    return openedReplayedSecret(registered.data.webhookId, first.secret);
  }
}

/** The URL as a registration keeps it (webhookUrl), or as sent when it is none. */
const asPosted = (url: string): string => {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url;
  }
};
