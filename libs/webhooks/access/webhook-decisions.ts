import { Injectable } from '@nestjs/common';
import { type DomainError, streamName } from '@cf/core';
import type { CommandOptions, CommandResult, Untimed } from '@cf/event-store';
import { type Caller, EventSourcing, type KeyedInput, executeOnRecord } from '@cf/ledger';
import type { Actor } from '../domain/webhooks.events.js';
import { type WebhookCommand, webhooksDecider } from '../domain/webhooks.decide.js';
import type { WebhookRow } from '../outbox/webhooks.rows.js';
import { WebhookAccess } from './webhook-access.js';

/** What every decision on an existing webhook shares: the MANAGER check, the decider on its stream. */
@Injectable()
export class WebhookDecisions {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: WebhookAccess,
  ) {}

  async onWebhook(
    caller: Caller,
    webhookId: string,
    action: string,
    command: (context: { webhook: WebhookRow; actor: Actor }) => Untimed<WebhookCommand> | Promise<Untimed<WebhookCommand>>,
    /**
     * `unknown`: the answer to an id that names nothing, when the id sent was not the webhook's (a
     * delivery's); `keyed`: an input whose idempotency key binds the decision.
     */
    { unknown, keyed, ...options }: Pick<CommandOptions, 'sealEvents'> & { unknown?: DomainError; keyed?: KeyedInput } = {},
  ): Promise<CommandResult> {
    return executeOnRecord(
      this.eventSourcing,
      webhooksDecider,
      streamName('webhook', webhookId),
      async (onRecord) =>
        command({ webhook: await this.access.requireWebhook(caller, webhookId, action, unknown, onRecord), actor: caller.actor }),
      { caller, keyed },
      options,
    );
  }
}
