import { streamName } from '@cf/core';
import type { EventStore, ReadModelDb } from '@cf/event-store';
import { projectsReadModel } from '@cf/projects';

/**
 * Why a delivery fails unsent when whoever registered the webhook is no longer a MANAGER of its
 * project. A notice holds what only the team reads (standing, flags, hours), and the registrant
 * chose where it goes: removed, or made a CUSTOMER, they would go on reading it at an address
 * they control. Another MANAGER who vouches for the address registers the webhook again.
 */
export const REGISTRANT_NOT_MANAGER =
  'not sent: whoever registered the webhook is no longer a MANAGER of the project; a MANAGER registers it again';

/**
 * Whether a webhook's registrant is a MANAGER of its project now (one indexed row), asked before
 * every attempt as a subscription asks before every message. Who registered it never changes, so it is read from
 * the webhook's first event once per process.
 */
export const registrantStanding = (store: EventStore, db: ReadModelDb) => {
  const registrants = new Map<string, string>();
  return async (webhookId: string, projectId: string): Promise<boolean> => {
    let userId = registrants.get(webhookId);
    if (userId === undefined) {
      const [registered] = await store.readStream(streamName('webhook', webhookId));
      userId = (registered?.data.registeredBy as { userId?: string } | undefined)?.userId ?? '';
      registrants.set(webhookId, userId);
    }
    return (await projectsReadModel(db).member(projectId, userId))?.role === 'MANAGER';
  };
};
