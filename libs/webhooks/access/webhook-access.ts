import { Injectable } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { type Caller, EventSourcing, type FactsOnRecord } from '@cf/ledger';
import { ProjectAccess } from '@cf/projects';
import { webhooksReadModel } from '../outbox/webhooks.read-model.js';
import type { WebhookRow } from '../outbox/webhooks.rows.js';

/**
 * Webhooks are their project's MANAGERs' alone: registering, listing and every change. A command
 * passes the FactsOnRecord it is decided on: then the role is the project stream's (ProjectAccess).
 */
@Injectable()
export class WebhookAccess {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly projects: ProjectAccess,
  ) {}

  async requireProject(caller: Caller, projectId: string, action: string, onRecord?: FactsOnRecord): Promise<void> {
    await this.projects.require(caller, projectId, ['MANAGER'], action, onRecord);
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
    onRecord?: FactsOnRecord,
  ): Promise<WebhookRow> {
    const webhook = await webhooksReadModel(this.eventSourcing.readModels).webhook(webhookId);
    if (!webhook) throw unknown;
    await this.projects.requireNamed(caller, { projectId: webhook.projectId, unknown }, ['MANAGER'], action, onRecord);
    return webhook;
  }
}
