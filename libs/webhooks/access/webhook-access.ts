import { Injectable } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { type Caller, EventSourcing } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import type { WebhookRow } from '../outbox/webhooks.rows.js';

/** Webhooks are their project's MANAGERs' alone: registering, listing and every change. */
@Injectable()
export class WebhookAccess {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly projects: ProjectAccess,
  ) {}

  async requireProject(caller: Caller, projectId: string, action: string): Promise<void> {
    await this.projects.require(caller, projectId, ['MANAGER'], action);
  }

  /**
   * The webhook, once the caller is found to manage its project; `unknown` (NOT_FOUND) when there
   * is none, and to a CUSTOMER, who sees no webhook, as for one there is none of.
   */
  async requireWebhook(
    caller: Caller,
    webhookId: string,
    action: string,
    unknown = DomainError.notFound('Webhook', webhookId),
  ): Promise<WebhookRow> {
    const webhook = await webhooksReadModel(this.eventSourcing.readModels).webhook(webhookId);
    if (!webhook) throw unknown;
    await this.projects.requireNamed(caller, { projectId: webhook.projectId, unknown }, ['MANAGER'], action);
    return webhook;
  }
}
